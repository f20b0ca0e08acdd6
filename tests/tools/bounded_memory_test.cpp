// Issue 13: the page phase holds a bounded number of pages, so a batch's peak
// memory follows the jobs, not the pages. The real command reads a folder of
// 200 pages and one of 20 (the sample pages over and over), 2 jobs each; the
// long batch may not take much more memory than the short one.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <filesystem>

#include "tests/support/test_support.hpp"

using listaudit::testing::dataDir;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

extern char** environ;

namespace {

// A list of `pages` pages, the sample's four in turn, and its manifest.
std::string batchOf(const TempDir& dir, int pages) {
  const std::string name = "pages-" + std::to_string(pages);
  std::filesystem::create_directories(dir.path() / name);
  for (int i = 0; i < pages; ++i)
    std::filesystem::copy_file(dataDir() + "/scans/L01-BG/page-" + std::to_string(i % 2 + 1) + ".jpg",
                               dir.file(name + "/page-" + std::to_string(i + 1) + ".jpg"));
  writeFile(dir.file(name + ".csv"),
            "list_id,party,election_date,submitted_on,path,country\nL1,P,2021-04-04,2021-02-10," + name + ",BG\n");
  return dir.file(name + ".csv");
}

// The peak resident memory of one run of the command, in kilobytes.
long peakKb(const std::string& manifest, const std::string& out) {
  const std::vector<std::string> args{LISTAUDIT_EXE, "run",    "--manifest", manifest, "--out",
                                      out,           "--jobs", "2",          "--quiet"};
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return usage.ru_maxrss;
}

}  // namespace

TEST(BoundedMemory, aBatchOfTwoHundredPagesTakesNoMoreMemoryThanOneOfTwenty) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer's shadow memory is not the tool's";
#endif
  TempDir dir;
  const long twenty = peakKb(batchOf(dir, 20), dir.file("out-20"));
  const long twoHundred = peakKb(batchOf(dir, 200), dir.file("out-200"));
  std::printf("peak memory: %ld MB for 20 pages, %ld MB for 200 pages (2 jobs)\n", twenty / 1024, twoHundred / 1024);
  EXPECT_LT(twoHundred, twenty * 13 / 10) << "memory grows with the pages";
}
