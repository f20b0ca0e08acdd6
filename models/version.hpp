#pragma once
// The tool's version: printed by --version, and part of what a resumed run
// must share with the run it resumes (another version may read differently).
namespace listaudit::models {
inline constexpr const char* kToolVersion = "0.2.0";
}  // namespace listaudit::models
