#pragma once
// `listaudit run` as a library call (contract section 1): the manifest in,
// the page phase, the check phase, and every output file written from the
// store. Every input that cannot be read goes through one ErrorReporter into
// the store, errors.csv and RunOptions::onError.
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/page_pipeline.hpp"

namespace listaudit::pipeline {

struct RunOptions {
  std::string manifest;
  std::string outDir;
  std::string population, consent, complaints;  // empty when not given
  std::string cacheDir;                         // imported population registers; DIR/cache when it cannot be made
  int required = 0;                             // supporters a list needs; 0 when not asked
  int jobs = 0;
  bool allowOutsidePaths = false;      // manifest paths may leave the manifest's folder
  std::string pseudonymizeKey;         // a key file: shareable outputs into DIR/shareable too
  std::string language = "en";         // report.html's language: one of messageLanguages()
  int shardIndex = 0, shardCount = 0;  // --shard K/N (contract section 11); 0/0 for a whole run
  std::function<void(const PageProgress&)> progress;
  std::function<void(const models::InputError&)> onError;  // each input that cannot be read
  std::function<void(const std::string&)> onStage;         // a word on what the run is doing
};

struct RunSummary {
  int lists = 0, pages = 0, pagesRead = 0, rows = 0, flaggedRows = 0, errors = 0;
  int pagesResumed = 0;  // pages an interrupted run had stored, not read again
  std::string storePath, rowsCsv, listsCsv, errorsCsv, report;
  std::string shareable;  // the folder of the pseudonymised outputs, when asked for
};

// An output folder the run cannot write to, or a pseudonym key it cannot
// use: bad usage (exit 2), said before anything is imported or read.
class OutputFolderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The outputs could not be written whole (a full disk): none was left behind,
// the store keeps what was read, and the same command finishes the run.
class OutputWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A manifest or register that cannot be used at all throws
// ingest::CsvError (exit 2); unreadable inputs are counted in `errors`.
//
// Contract section 8: the outputs appear only when the run is complete. The
// previous run's outputs are removed first; each output is written under a
// temporary name and all are renamed once every one is whole; the store is
// marked complete last. A run interrupted at any point and started again
// with the same command resumes: the pages its store holds are not read
// again, and the outputs are the same bytes as an uninterrupted run's.
//
// With a shard K/N, only the lists whose place in the manifest (from 0) is
// K-1 modulo N are read, no check is made, and DIR gets the shard's store
// and errors.csv; `mergeShards` does the rest.
RunSummary runBatch(const RunOptions& options);

// A set of shards that is not all N shards of one run, each finished.
class ShardSetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MergeOptions {
  std::string outDir;
  std::vector<std::string> shardDirs;
  std::string population, consent, complaints, cacheDir;
  int required = 0;
  std::function<void(const models::InputError&)> onError;
  std::function<void(const std::string&)> onStage;
};

// `listaudit merge` (contract section 11): the shards' stores combined into
// one, the checks made across every list, and the outputs written, the CSVs
// byte-identical to one run of the whole manifest with the same registers.
// Throws ShardSetError (exit 2) naming every shard missing, unfinished,
// repeated or of another run; ingest::CsvError for a register that cannot be
// used.
RunSummary mergeShards(const MergeOptions& options);

// The run's store cannot be checked again: unfinished, purged, or a
// register it was checked against is gone or changed (its SHA-256).
class RecheckError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// After a reviewer's decision (contract section 12): the finished run whose
// store is `store` and outputs are in `outDir` checked again, every
// corrected reading in force put in place of the reading, against the same
// registers (as the run recorded them), and rows.csv, lists.csv, errors.csv
// and report.html written again, whole or not at all. The shareable copies
// of a pseudonymised run are not: they hold no decision. Throws
// RecheckError, ingest::CsvError (a register changed into one that cannot
// be used), OutputWriteError.
RunSummary recheckRun(models::Store& store, const std::string& outDir,
                      const std::function<void(const std::string&)>& onStage = {});

// The finished run's outputs written again from its store as it is (after a
// sample is drawn), without checking again. Throws OutputWriteError.
RunSummary rewriteOutputs(const models::Store& store, const std::string& outDir);

}  // namespace listaudit::pipeline
