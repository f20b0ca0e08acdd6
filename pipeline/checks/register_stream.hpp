#pragma once
// A register read on a thread of its own (CSV, its checks, the records' keys)
// while the calling thread writes the import: each half was about half of a
// population import's CPU, so on two cores a register of millions goes in
// nearly twice as fast. What the reader reports arrives in order with the
// records, on the calling thread, so the import file and the error reporter
// are each used by one thread only. Memory is bounded by kChunksInFlight
// chunks of kChunkRecords records, whatever the register's size.
//
// Not oneTBB: the reader pushes records through a callback, so this is a
// plain producer and consumer, not a pipeline of stages.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "models/error_reporter.hpp"

namespace listaudit::pipeline {

namespace register_stream {

inline constexpr std::size_t kChunkRecords = 4096;
inline constexpr std::size_t kChunksInFlight = 8;

// A bounded queue between one producer and one consumer; close() makes the
// producer's push fail, so a consumer that gives up never leaves it waiting.
template <class Item>
class Handoff {
 public:
  bool push(Item item) {
    std::unique_lock lock(mutex_);
    notFull_.wait(lock, [&] { return closed_ || items_.size() < kChunksInFlight; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    notEmpty_.notify_one();
    return true;
  }
  Item pop() {
    std::unique_lock lock(mutex_);
    notEmpty_.wait(lock, [&] { return !items_.empty(); });
    Item item = std::move(items_.front());
    items_.pop_front();
    notFull_.notify_one();
    return item;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    notFull_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable notFull_, notEmpty_;
  std::deque<Item> items_;
  bool closed_ = false;
};

// Thrown inside the reader thread to unwind it once the writer has given up.
struct Abandoned {};

}  // namespace register_stream

// Reads `path` with `read` on a second thread, turning each record into a
// Prepared with `prepare` there; hands each to `write` and each reported
// error to `report` on this thread, in the order the reader met them. What
// `read` or `write` throws is thrown here, the reader thread joined first.
template <class Record, class Prepared>
void streamRegister(const std::string& path,
                    const std::function<void(const std::string&, const std::function<void(const Record&)>&,
                                             models::ErrorReporter&)>& read,
                    const std::function<Prepared(const Record&)>& prepare,
                    const std::function<void(const Prepared&)>& write, models::ErrorReporter& report) {
  using Item = std::variant<Prepared, models::InputError>;
  struct Chunk {
    std::vector<Item> items;
    bool last = false;
    std::exception_ptr failure;
  };
  register_stream::Handoff<Chunk> handoff;

  // The reader's side: records and errors gathered into chunks.
  class ChunkReporter final : public models::ErrorReporter {
   public:
    explicit ChunkReporter(register_stream::Handoff<Chunk>& handoff) : handoff_(handoff) {}
    void report(const models::InputError& error) override { add(Item(error)); }
    void add(Item item) {
      chunk_.items.push_back(std::move(item));
      if (chunk_.items.size() >= register_stream::kChunkRecords) send();
    }
    void finish(std::exception_ptr failure) {
      chunk_.last = true;
      chunk_.failure = failure;
      handoff_.push(std::move(chunk_));
    }

   private:
    void send() {
      if (!handoff_.push(std::move(chunk_))) throw register_stream::Abandoned{};
      chunk_ = Chunk{};
    }
    register_stream::Handoff<Chunk>& handoff_;
    Chunk chunk_;
  };

  std::thread reader([&] {
    ChunkReporter out(handoff);
    try {
      read(
          path, [&](const Record& r) { out.add(Item(prepare(r))); }, out);
      out.finish(nullptr);
    } catch (const register_stream::Abandoned&) {
    } catch (...) {
      out.finish(std::current_exception());
    }
  });
  std::exception_ptr failure;
  try {
    for (bool last = false; !last;) {
      Chunk chunk = handoff.pop();
      for (const Item& item : chunk.items) {
        if (const auto* error = std::get_if<models::InputError>(&item))
          report.report(*error);
        else
          write(std::get<Prepared>(item));
      }
      last = chunk.last;
      failure = chunk.failure;
    }
  } catch (...) {
    handoff.close();
    reader.join();
    throw;
  }
  reader.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace listaudit::pipeline
