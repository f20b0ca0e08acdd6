#pragma once
// The Kosovo form the tools tests draw with the sample generator's renderer:
// its words, and eight typed rows (names, addresses, one signature each)
// whose numbers each test gives.
#include <array>
#include <cstdint>
#include <string>

#include "tools/samples/form_renderer.hpp"

namespace listaudit::testing {

// Eight Kosovo numbers in a run (8327892510 to 8327892517), for a test
// whose numbers only need to be there.
inline std::array<std::string, 8> kosovoNumbers() {
  std::array<std::string, 8> numbers;
  for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = "83278925" + std::to_string(10 + i);
  return numbers;
}

inline tools::FormPage kosovoForm(double dpi, const std::array<std::string, 8>& numbers) {
  tools::FormPage page;
  page.title = "LISTA e zgjedhësve që mbështesin regjistrimin e partisë";
  page.headers = {"Nr.", "Emri dhe mbiemri", "Numri personal", "Adresa e banimit", "Nënshkrimi"};
  page.collectorLabel = "Personi para të cilit u vendosën nënshkrimet:";
  page.collectorName = "Ëndrra Zeqiri";
  page.dpi = dpi;
  const char* names[] = {"Elona Dervishi", "Mimoza Shehu", "Përparim Tafaj", "Ilir Shehu",
                         "Shpëtim Muçaj",  "Elona Kola",   "Lulzim Lleshi",  "Agron Prifti"};
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    tools::FormRow row;
    row.name = names[i];
    row.nationalId = numbers[i];
    row.address = "Prishtinë, Rr. Nëna Terezë " + std::to_string(i + 1);
    row.signatureSeed = static_cast<std::uint64_t>(i + 1);
    page.rows.push_back(row);
  }
  return page;
}

}  // namespace listaudit::testing
