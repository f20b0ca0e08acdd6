#include "pipeline/page_pipeline.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>

#include "ingest/scan_source.hpp"
#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/cpu_clock.hpp"
#include "pipeline/page/layout_chain.hpp"
#include "pipeline/page/png_image.hpp"
#include "pipeline/page/read_stage.hpp"

namespace listaudit::pipeline {
namespace {

// One page on its way through the stages, or an input that failed.
struct PageJob {
  std::size_t list = 0;
  int page = 0;         // 1-based; 0 for a list whose scans cannot be opened
  int pageCount = 0;    // the list's pages, recorded when its first job lands
  int storedRows = -1;  // the page's rows when a resumed run holds it already
  PageImage image;
  std::optional<models::InputError> error;
  std::vector<std::uint8_t> unreadImage;  // the page, small, when its table was not found
  PageReading reading;
};
using Job = std::shared_ptr<PageJob>;

// Hands out the batch's pages one at a time, in list and page order.
class PageFeeder {
 public:
  PageFeeder(const std::vector<models::ListEntry>& lists, const std::map<std::pair<std::string, int>, int>& stored)
      : lists_(lists), stored_(stored) {}

  // False when every page has been handed out.
  bool next(PageJob& job) {
    while (list_ < lists_.size()) {
      const models::ListEntry& entry = lists_[list_];
      if (!source_) {
        try {
          source_ = ingest::ScanSource::open(entry.scanPath);
          nextPage_ = 0;
        } catch (const std::exception& e) {  // ScanError, or a filesystem error on a hostile path
          job = PageJob{list_, 0, 0, -1, {}, models::InputError{entry.scanPath, 0, e.what()}, {}, {}};
          ++list_;
          return true;
        }
      }
      if (nextPage_ < source_->pageCount()) {
        const int index = nextPage_++;
        job = PageJob{
            list_, index + 1, source_->pageCount(), -1, {entry.listId, entry.country, index + 1, {}}, std::nullopt,
            {},    {}};
        if (const auto it = stored_.find({entry.listId, index + 1}); it != stored_.end()) {
          job.storedRows = it->second;  // not decoded again
          return true;
        }
        try {
          job.image.grey = source_->page(index);
        } catch (const std::exception& e) {
          job.error = models::InputError{source_->pageInput(index), index + 1, e.what()};
        }
        return true;
      }
      source_.reset();
      ++list_;
    }
    return false;
  }

 private:
  const std::vector<models::ListEntry>& lists_;
  const std::map<std::pair<std::string, int>, int>& stored_;
  std::size_t list_ = 0;
  std::unique_ptr<ingest::ScanSource> source_;
  int nextPage_ = 0;
};

// A stage's CPU time, summed over the threads that run it.
class StageClock {
 public:
  template <class F>
  auto time(F&& work) {
    const long long start = threadCpuNanoseconds();
    struct Add {
      std::atomic<long long>& total;
      long long start;
      ~Add() { total += threadCpuNanoseconds() - start; }
    } add{total_, start};
    return work();
  }
  double seconds() const { return static_cast<double>(total_.load()) / 1e9; }

 private:
  std::atomic<long long> total_{0};
};

// Widest image of a page the report shows for a person to read.
constexpr int kUnreadPageWidth = 900;

// Progress needs the batch's page count before the first page: the sources
// are opened once here to count and again as the pages are read, which costs
// little beside reading them.
int countPages(const std::vector<models::ListEntry>& lists) {
  int total = 0;
  for (const auto& entry : lists) {
    try {
      total += ingest::ScanSource::open(entry.scanPath)->pageCount();
    } catch (const std::exception&) {
      // Reported when the page phase reaches it.
    }
  }
  return total;
}

// The page phase's stages and its sink. process() runs on any thread; keep()
// on one, in page order.
class PagePhase {
 public:
  PagePhase(const std::vector<models::ListEntry>& lists, models::Store& store, models::ErrorReporter& errors,
            const PagePhaseOptions& options)
      : lists_(lists), store_(store), errors_(errors), options_(options) {
    result_.pages = countPages(lists);
    progress_.total = result_.pages;
  }

  // Each page through the stages. Any failure on one page becomes that
  // page's error: an exception escaping a filter would cancel the batch.
  Job process(Job job) {
    if (job->error || job->storedRows >= 0) return job;
    cv::Mat upright;  // kept for the report when the table is not found
    try {
      oneapi::tbb::this_task_arena::isolate([&] {
        const CleanPage cleaned = cleanClock_.time([&] { return clean_(job->image.grey); });
        job->image.grey.release();  // the cleaned page replaces it
        upright = cleaned.grey;
        const PageLayout laidOut = layoutClock_.time([&] { return layout_.find(cleaned); });
        job->reading = readClock_.time([&] { return read_(job->image, cleaned, laidOut, readersOfThisThread()); });
      });
    } catch (const LayoutError& e) {
      job->error =
          models::InputError{lists_[job->list].scanPath, job->page,
                             std::string(e.what()) + "; a person must read this page (its image is in the report)"};
      job->unreadImage = pngNoWiderThan(upright, kUnreadPageWidth);
    } catch (const std::exception& e) {
      job->error = models::InputError{lists_[job->list].scanPath, job->page,
                                      std::string("the page could not be processed: ") + e.what()};
    }
    job->image.grey.release();
    return job;
  }

  // Each page into the store, or its error reported.
  void keep(const Job& job) {
    storeClock_.time([&] { keepUntimed(job); });
  }

  // The decoding of each page, timed by the source filter that does it.
  StageClock& decodeClock() { return decodeClock_; }

  PagePhaseResult result() const {
    PagePhaseResult r = result_;
    r.cpu = {decodeClock_.seconds(), cleanClock_.seconds(), layoutClock_.seconds(),
             readClock_.seconds(),   storeClock_.seconds(), {}};
    for (const auto& readers : readers_)
      if (readers)
        for (const auto& [what, seconds] : readers->cpu().seconds()) r.cpu.reading[what] += seconds;
    return r;
  }

 private:
  // This thread's readers, made when it first reads a page; when they cannot
  // be made, that page's error says why, and the next page tries again.
  Readers& readersOfThisThread() {
    std::unique_ptr<Readers>& readers = readers_.local();
    if (!readers) readers = std::make_unique<Readers>();
    return *readers;
  }

  void keepUntimed(const Job& job) {
    const models::ListEntry& entry = lists_[job->list];
    if (job->page <= 1) store_.setPageCount(entry.listId, job->pageCount);
    progress_.listId = entry.listId;
    progress_.page = job->page;
    progress_.failed = job->error.has_value();
    progress_.rows = 0;
    progress_.resumed = job->storedRows >= 0;
    if (job->error) job->error->listId = entry.listId;
    if (progress_.resumed) {
      ++result_.pagesRead;
      result_.rows += job->storedRows;
      progress_.rows = job->storedRows;
    } else if (job->error) {
      if (!job->unreadImage.empty()) store_.addUnreadPage(job->error->input, job->page, job->unreadImage);
      errors_.report(*job->error);
      ++result_.errors;
    } else {
      store_.addPage(job->reading.page, job->reading.rows);
      ++result_.pagesRead;
      result_.rows += static_cast<int>(job->reading.rows.size());
      progress_.rows = static_cast<int>(job->reading.rows.size());
    }
    if (job->page > 0) ++progress_.done;
    if (options_.progress) options_.progress(progress_);
  }

  const std::vector<models::ListEntry>& lists_;
  models::Store& store_;
  models::ErrorReporter& errors_;
  const PagePhaseOptions& options_;
  const CleanStage clean_{};
  const LayoutChain layout_{};
  const ReadStage read_{};
  // One set of readers (and Tesseract engines) per thread, made when first used.
  // Made by the thread itself, not by the container: the readers load their
  // networks and can throw (a network missing), and a thread-specific value
  // whose constructor threw is left unusable, to crash whoever visits it.
  oneapi::tbb::enumerable_thread_specific<std::unique_ptr<Readers>> readers_;
  PagePhaseResult result_;
  PageProgress progress_;
  StageClock decodeClock_, cleanClock_, layoutClock_, readClock_, storeClock_;
};

}  // namespace

PagePhaseResult readPages(const std::vector<models::ListEntry>& lists, models::Store& store,
                          models::ErrorReporter& errors, const PagePhaseOptions& options) {
  if (options.jobs < 0) throw std::invalid_argument("page phase: jobs must be 0 (all cores) or more");
  const int threads = options.jobs > 0 ? options.jobs : oneapi::tbb::info::default_concurrency();
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
  // Pages are the unit of parallelism; OpenCV's own threads would only compete.
  cv::setNumThreads(1);

  PagePhase phase(lists, store, errors, options);
  PageFeeder feeder(lists, options.alreadyStored);
  // Pages one at a time, in list and page order.
  auto feed = [&](oneapi::tbb::flow_control& fc) -> Job {
    auto job = std::make_shared<PageJob>();
    if (phase.decodeClock().time([&] { return feeder.next(*job); })) return job;
    fc.stop();
    return nullptr;
  };
  auto process = [&](Job job) { return phase.process(std::move(job)); };
  auto keep = [&](Job job) { phase.keep(job); };
  // A 300 dpi page is about 9 MB grey and several times that while cleaned:
  // two pages per thread keep every thread busy without holding the batch.
  const std::size_t tokens = static_cast<std::size_t>(threads) * 2;
  oneapi::tbb::parallel_pipeline(
      tokens, oneapi::tbb::make_filter<void, Job>(oneapi::tbb::filter_mode::serial_in_order, feed) &
                  oneapi::tbb::make_filter<Job, Job>(oneapi::tbb::filter_mode::parallel, process) &
                  oneapi::tbb::make_filter<Job, void>(oneapi::tbb::filter_mode::serial_in_order, keep));
  return phase.result();
}

}  // namespace listaudit::pipeline
