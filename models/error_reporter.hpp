#pragma once
// One way for every reader of the world (manifest, scans, registers,
// electronic copies) to say that an input could not be read, in the manner
// of leveldb's log::Reader::Reporter: the reader reports and reads on; who
// listens decides what a report becomes (a line of errors.csv, a message on
// stderr, a count). Messages name the file, page and line, never a person's
// name or number.
//
// Not thread-safe: a reporter is used by one thread at a time.
#include <string>
#include <vector>

#include "models/records.hpp"

namespace listaudit::models {

class ErrorReporter {
 public:
  virtual ~ErrorReporter() = default;
  virtual void report(const InputError& error) = 0;
  // A bad line of a text input: reported as "FILE line N".
  void reportLine(const std::string& file, int line, const std::string& message);
};

// Keeps every report, in order, to be looked at or passed on later (the
// reports made before the run's store exists).
class ErrorList final : public ErrorReporter {
 public:
  void report(const InputError& error) override { errors_.push_back(error); }
  const std::vector<InputError>& errors() const { return errors_; }
  void passTo(ErrorReporter& next) const;

 private:
  std::vector<InputError> errors_;
};

// A decorator that passes on at most `limit` reports of one input, and, on
// finish() (or, failing that, when it goes out of scope), one more saying how
// many it left out, so that a register of a million bad lines does not make a
// million error lines.
class CappedReporter final : public ErrorReporter {
 public:
  CappedReporter(ErrorReporter& next, std::string input, int limit);
  ~CappedReporter() override;
  CappedReporter(const CappedReporter&) = delete;
  CappedReporter& operator=(const CappedReporter&) = delete;
  void report(const InputError& error) override;
  // Reports how many were left out, once; may throw what `next` throws.
  void finish();

 private:
  ErrorReporter& next_;
  std::string input_;
  int limit_;
  int count_ = 0;
  bool finished_ = false;
};

}  // namespace listaudit::models
