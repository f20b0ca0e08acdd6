#pragma once
// A page of a list as the run read it (upright and straight, by the same
// clean stage), with one row outlined: what an authority asks for when it
// asks for "page N, row M" of the paper list.
#include <cstdint>
#include <vector>

#include "models/records.hpp"

namespace listaudit::pipeline {

// PNG of page `page` (1-based) of the list's scans with `box` outlined in
// red. Throws ingest::ScanError when the scan can no longer be read.
std::vector<std::uint8_t> markedPagePng(const models::ListEntry& list, int page, const models::Box& box);

}  // namespace listaudit::pipeline
