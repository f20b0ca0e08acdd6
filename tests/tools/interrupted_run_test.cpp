// A run killed at any moment (kill -9, a power cut) and started again with
// the same command: contract section 8 (no output that looks whole, a store
// that says it is unfinished) and the resume (the same bytes in the end).
// Runs the real `listaudit` command and kills it at points it reports.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "tests/support/test_support.hpp"

using listaudit::testing::dataDir;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;

extern char** environ;

namespace {

std::vector<std::string> runArguments(const TempDir& dir, const std::string& out) {
  return {LISTAUDIT_EXE,  "run",
          "--manifest",   dataDir() + "/manifest.csv",
          "--out",        out,
          "--population", dataDir() + "/population.csv",
          "--consent",    dataDir() + "/consent.csv",
          "--complaints", dataDir() + "/complaints.csv",
          "--cache",      dir.file("cache"),
          "--jobs",       "2"};
}

struct Spawned {
  pid_t pid = -1;
  std::string log;
};

Spawned spawnRun(const std::vector<std::string>& args, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  Spawned s{-1, log};
  posix_spawn(&s.pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return s;
}

// Kills the run once its progress says `marker`; true when it was killed, false
// when it had already finished.
bool killWhenSaid(const Spawned& run, const std::string& marker) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(run.pid, &status, WNOHANG) == run.pid) return false;
    if (readFile(run.log).find(marker) != std::string::npos) {
      kill(run.pid, SIGKILL);
      waitpid(run.pid, &status, 0);
      return WIFSIGNALED(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(run.pid, SIGKILL);
  waitpid(run.pid, nullptr, 0);
  ADD_FAILURE() << "the run never said " << marker;
  return false;
}

int runToEnd(const std::vector<std::string>& args) {
  const Spawned run = spawnRun(args, "/dev/null");
  int status = 0;
  waitpid(run.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int findStatus(const std::string& out) {
  const std::string command = std::string(LISTAUDIT_EXE) + " find --store " + out + " --id 0000000000 >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

constexpr const char* kOutputs[] = {"rows.csv", "lists.csv", "errors.csv", "report.html"};

}  // namespace

TEST(InterruptedRun, leavesNoWholeLookingOutputAndResumesToTheSameBytes) {
  TempDir dir;
  ASSERT_EQ(runToEnd(runArguments(dir, dir.file("whole"))), 0);

  // While the register is imported, after one page, after three, and while
  // the rows are checked.
  const char* killPoints[] = {"importing or reusing", "[1/4]", "[3/4]", "checking rows"};
  int killed = 0;
  for (const char* point : killPoints) {
    SCOPED_TRACE(point);
    const std::string out = dir.file(std::string("cut-") + std::to_string(killed));
    const auto args = runArguments(dir, out);
    // A previous run's outputs are there: they must not survive beside the new, unfinished store.
    std::filesystem::create_directories(out);
    for (const char* f : kOutputs) std::filesystem::copy_file(dir.file("whole/") + f, out + "/" + f);
    if (killWhenSaid(spawnRun(args, dir.file("log")), point)) {
      ++killed;
      for (const char* f : kOutputs) EXPECT_FALSE(std::filesystem::exists(out + "/" + f)) << f;
      if (std::filesystem::exists(out + "/listaudit.sqlite")) {
        EXPECT_EQ(findStatus(out), 2);
      }
    }
    ASSERT_EQ(runToEnd(args), 0);
    for (const char* f : kOutputs) EXPECT_EQ(readFile(out + "/" + f), readFile(dir.file("whole/") + f)) << f;
    EXPECT_EQ(findStatus(out), 0);
  }
  EXPECT_GE(killed, 3);  // the last point may be too short to hit on a fast machine
}

TEST(InterruptedRun, resumesWithoutReadingThePagesItHasAgain) {
  TempDir dir;
  const auto args = runArguments(dir, dir.file("out"));
  ASSERT_TRUE(killWhenSaid(spawnRun(args, dir.file("log")), "[2/4]"));
  const Spawned again = spawnRun(args, dir.file("again"));
  int status = 0;
  waitpid(again.pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << readFile(dir.file("again"));
  const std::string log = readFile(dir.file("again"));
  EXPECT_NE(log.find("resuming an interrupted run"), std::string::npos) << log;
  EXPECT_NE(log.find("page 1: 15 rows (read before the interruption)"), std::string::npos) << log;
}

TEST(Outputs, areReadableByTheirOwnerOnly) {
  TempDir dir;
  const auto args = runArguments(dir, dir.file("out"));
  ASSERT_EQ(runToEnd(args), 0);
  auto mode = [](const std::string& path) {
    struct stat st {};
    stat(path.c_str(), &st);
    return st.st_mode & 0777;
  };
  EXPECT_EQ(mode(dir.file("out")), 0700u);
  EXPECT_EQ(mode(dir.file("cache")), 0700u);
  for (const char* f : {"rows.csv", "lists.csv", "errors.csv", "report.html", "listaudit.sqlite"})
    EXPECT_EQ(mode(dir.file("out/") + f), 0600u) << f;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "cache"))
    EXPECT_EQ(mode(entry.path().string()), 0600u) << entry.path();
}
