#include "models/error_reporter.hpp"

namespace listaudit::models {

void ErrorReporter::reportLine(const std::string& file, int line, const std::string& message) {
  report({file + " line " + std::to_string(line), 0, message});
}

void ErrorList::passTo(ErrorReporter& next) const {
  for (const InputError& e : errors_) next.report(e);
}

CappedReporter::CappedReporter(ErrorReporter& next, std::string input, int limit)
    : next_(next), input_(std::move(input)), limit_(limit) {}

CappedReporter::~CappedReporter() {
  // A reader that stopped on an exception still says what it left out; a
  // destructor must not throw, and the exception already under way says more.
  try {
    finish();
  } catch (...) {
  }
}

void CappedReporter::finish() {
  if (finished_) return;
  finished_ = true;
  if (count_ > limit_) next_.report({input_, 0, std::to_string(count_ - limit_) + " more bad lines not listed"});
}

void CappedReporter::report(const InputError& error) {
  if (++count_ <= limit_) next_.report(error);
}

}  // namespace listaudit::models
