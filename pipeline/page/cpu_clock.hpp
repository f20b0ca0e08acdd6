#pragma once
// CPU time of the calling thread: what a piece of work costs, apart from the
// time its thread waited. The page phase times its stages with it and the
// readers their reading (bench speed prints both).
#include <ctime>
#include <map>
#include <string>

namespace listaudit::pipeline {

inline long long threadCpuNanoseconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

// CPU seconds by what was done, on one thread.
class CpuTally {
 public:
  template <class F>
  auto time(const std::string& what, F&& work) {
    struct Add {
      double& total;
      long long start;
      ~Add() { total += static_cast<double>(threadCpuNanoseconds() - start) / 1e9; }
    } add{seconds_[what], threadCpuNanoseconds()};
    return work();
  }
  const std::map<std::string, double>& seconds() const { return seconds_; }

 private:
  std::map<std::string, double> seconds_;
};

}  // namespace listaudit::pipeline
