#include "tools/samples/sample_batch.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include "models/flag.hpp"
#include "models/national_id.hpp"
#include "pipeline/csv_writer.hpp"
#include "tools/samples/form_renderer.hpp"
#include "tools/samples/people.hpp"
#include "tools/samples/scan_effects.hpp"
#include "tools/samples/scan_files.hpp"

namespace listaudit::tools {
namespace {
namespace fs = std::filesystem;
using models::Date;
using models::Flag;

// The wording of the form in each country's language.
struct FormWords {
  std::string titleFormat;  // {party} and {date} are replaced
  std::array<std::string, 5> headers;
  std::string collector;
  std::vector<std::string> parties;
};

const FormWords& wordsFor(const std::string& country) {
  static const FormWords bg{
      "СПИСЪК на избирателите, подкрепящи регистрацията на партия „{party}“ за участие в изборите на {date}",
      {"№", "Собствено, бащино и фамилно име", "ЕГН", "Постоянен адрес", "Подпис"},
      "Лице, пред което са положени подписите:",
      {"Партия за прозрачно управление", "Движение Нова зора", "Съюз за честни избори", "Зелена България"}};
  static const FormWords rs{"СПИСАК бирача који подржавају изборну листу „{party}“ за изборе одржане {date}",
                            {"Р. бр.", "Име и презиме", "ЈМБГ", "Пребивалиште и адреса", "Потпис"},
                            "Потписе оверио:",
                            {"Покрет за бољи град", "Савез грађана", "Народна иницијатива", "Зелени покрет"}};
  static const FormWords mk{"ЛИСТА на избирачи кои ја поддржуваат листата „{party}“ за изборите на {date}",
                            {"Бр.", "Име и презиме", "ЕМБГ", "Адреса на живеење", "Потпис"},
                            "Лице пред кое се дадени потписите:",
                            {"Граѓанска опција", "Движење за иднина", "Сојуз за правда"}};
  static const FormWords al{"LISTA e zgjedhësve që mbështesin regjistrimin e partisë „{party}“ për zgjedhjet e {date}",
                            {"Nr.", "Emri dhe mbiemri", "Numri personal", "Adresa e banimit", "Nënshkrimi"},
                            "Personi para të cilit u vendosën nënshkrimet:",
                            {"Lëvizja për Ndryshim", "Aleanca Qytetare", "Partia e Drejtësisë", "Nisma Çlirimi"}};
  if (country == "BG") return bg;
  if (country == "MK") return mk;
  if (country == "AL" || country == "XK") return al;
  return rs;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string dottedDate(const Date& d) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d.%02d.%04d", d.day, d.month, d.year);
  return b;
}

// One row as written on paper and who wrote it.
struct WrittenRow {
  int person = 0;  // index into the batch's people
  std::string name, nationalId, address;
  bool signed_ = true;
  std::uint64_t signatureSeed = 0;
};

struct BatchList {
  std::string listId, party, country;
  Locale locale;
  Date election{}, submitted{};
  std::vector<std::vector<WrittenRow>> pages;
  std::string scanPath, digitalPath;
};

const std::array<Locale, 7> kLocales{Locale{"BG", false}, Locale{"RS", true}, Locale{"MK", false}, Locale{"AL", true},
                                     Locale{"RS", false}, Locale{"XK", true}, Locale{"ME", true}};

}  // namespace

SampleSummary makeSamples(const SampleOptions& options) {
  if (options.lists < 1 || options.pages < 1)
    throw std::invalid_argument("make-samples: --lists and --pages must be at least 1");
  if (options.out.empty()) throw std::invalid_argument("make-samples: --out is required");
  if (options.style != "printed")
    throw std::invalid_argument("make-samples: --style " + options.style +
                                " is not built yet; only printed pages can be generated");
  fs::create_directories(fs::path(options.out) / "scans");
  fs::create_directories(fs::path(options.out) / "digital");

  SampleRandom root(options.seed);
  PeopleFactory people(root.fork(1));
  SampleRandom layout = root.fork(2), planting = root.fork(3), scanning = root.fork(4);

  const Date election = *Date::make(2021, 4, 4);
  std::vector<Person> batchPeople;
  std::set<std::string> usedNames;
  auto newVoter = [&](const Locale& locale) {
    for (;;) {
      Person p = people.voter(locale, election);
      // Names are unique in the batch, so "the person with the row's name" is one person.
      if (usedNames.insert(p.fullName).second) {
        batchPeople.push_back(std::move(p));
        return static_cast<int>(batchPeople.size()) - 1;
      }
    }
  };

  std::vector<BatchList> lists;
  SampleSummary summary;
  for (int l = 0; l < options.lists; ++l) {
    BatchList list;
    list.locale = kLocales[static_cast<std::size_t>(l) % kLocales.size()];
    list.country = list.locale.country;
    const FormWords& words = wordsFor(list.country);
    list.party = layout.pick(words.parties);
    if (list.locale.latin && list.country != "AL" && list.country != "XK") list.party = toSerbianLatin(list.party);
    char id[32];
    std::snprintf(id, sizeof id, "L%02d-%s", l + 1, list.country.c_str());
    list.listId = id;
    list.election = election;
    list.submitted = *Date::make(2021, 2, 10 + l % 15);

    std::vector<int> onList;
    for (int p = 0; p < options.pages; ++p) {
      std::vector<WrittenRow> rows;
      const int count = layout.between(10, 15);
      for (int r = 0; r < count; ++r) {
        WrittenRow w;
        if (!onList.empty() && planting.chance(0.05)) {
          // The same person written again on a later row.
          const int earlier = onList[static_cast<std::size_t>(planting.below(static_cast<int>(onList.size())))];
          w.person = earlier;
        } else {
          w.person = newVoter(list.locale);
          onList.push_back(w.person);
        }
        const Person& person = batchPeople[static_cast<std::size_t>(w.person)];
        w.name = person.fullName;
        w.address = person.address;
        w.nationalId =
            planting.chance(0.07) ? people.withWrongCheck(person.nationalId, list.locale) : person.nationalId;
        w.signed_ = !planting.chance(0.05);
        w.signatureSeed = planting.next();
        rows.push_back(std::move(w));
      }
      summary.rows += count;
      list.pages.push_back(std::move(rows));
    }
    lists.push_back(std::move(list));
  }

  // Scans and electronic copies.
  const std::array<ScanKind, 4> kinds{ScanKind::JpegFolder, ScanKind::Pdf, ScanKind::MultiPageTiff,
                                      ScanKind::PngFolder};
  for (std::size_t l = 0; l < lists.size(); ++l) {
    BatchList& list = lists[l];
    const FormWords& words = wordsFor(list.country);
    const ScanKind kind = kinds[l % kinds.size()];
    const double dpi = kind == ScanKind::Pdf ? 300 : (l % 2 ? 300 : 200);
    std::array<double, 5> columns{12, 58, 32, 50, 28};
    for (double& c : columns) c += layout.real(-1.5, 1.5);
    std::string title =
        replaceAll(replaceAll(words.titleFormat, "{party}", list.party), "{date}", dottedDate(list.election));
    std::string collectorLabel = words.collector;
    std::array<std::string, 5> headers = words.headers;
    if (list.locale.latin && list.country != "AL" && list.country != "XK") {
      title = toSerbianLatin(title);
      collectorLabel = toSerbianLatin(collectorLabel);
      for (auto& h : headers) h = toSerbianLatin(h);
    }
    const std::string collector = people.collectorName(list.locale);
    std::vector<cv::Mat> images;
    pipeline::CsvWriter digital((fs::path(options.out) / "digital" / (list.listId + ".csv")).string());
    digital.write({"page", "row", "full_name", "national_id"});
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
      FormPage form;
      form.title = title;
      form.headers = headers;
      form.collectorLabel = collectorLabel;
      form.collectorName = collector;
      form.dpi = dpi;
      form.columnMm = columns;
      form.blankRows = static_cast<int>(15 - list.pages[p].size());
      for (std::size_t r = 0; r < list.pages[p].size(); ++r) {
        const WrittenRow& w = list.pages[p][r];
        form.rows.push_back({w.name, w.nationalId, w.address, w.signed_, w.signatureSeed});
        digital.write({std::to_string(p + 1), std::to_string(r + 1), w.name, w.nationalId});
      }
      ScanEffects effects;
      effects.angleDegrees = scanning.chance(0.7) ? scanning.real(-3.0, 3.0) : 0.0;
      effects.upsideDown = p == 1 && l % 2 == 1;  // at least one page upside down in any batch of 2 lists
      effects.noiseSigma = scanning.real(2, 8);
      effects.blurSigma = scanning.chance(0.5) ? scanning.real(0.3, 0.8) : 0.0;
      effects.background = scanning.real(235, 252);
      images.push_back(applyScanEffects(renderForm(form), effects, scanning));
    }
    digital.close();
    list.scanPath =
        "scans/" + writeScans(images, kind, (fs::path(options.out) / "scans").string(), list.listId, dpi, 80);
    list.digitalPath = "digital/" + list.listId + ".csv";
    summary.pages += static_cast<int>(list.pages.size());
  }

  // The manifest.
  pipeline::CsvWriter manifest((fs::path(options.out) / "manifest.csv").string());
  manifest.write({"list_id", "party", "election_date", "submitted_on", "path", "digital_path", "country"});
  for (const BatchList& list : lists)
    manifest.write({list.listId, list.party, list.election.toString(), list.submitted.toString(), list.scanPath,
                    list.digitalPath, list.country});
  manifest.close();

  // Registers: everyone on a list is a living adult who consented, before
  // submission, to the party whose list they are on.
  std::map<int, const BatchList*> listOf;
  for (const BatchList& list : lists)
    for (const auto& page : list.pages)
      for (const WrittenRow& w : page) listOf.emplace(w.person, &list);
  const long long onLists = static_cast<long long>(batchPeople.size());
  const long long population = std::max(options.populationSize, onLists + 20);
  {
    pipeline::CsvWriter register_((fs::path(options.out) / "population.csv").string());
    register_.write({"national_id", "full_name", "birth_date", "death_date"});
    for (const Person& p : batchPeople) register_.write({p.nationalId, p.fullName, p.birthDate.toString(), ""});
    // Others, streamed: never held in memory, so a national-size register fits.
    for (long long i = onLists; i < population; ++i) {
      const Locale& locale = kLocales[static_cast<std::size_t>(i) % kLocales.size()];
      Person p = people.voter(locale, election);
      if (usedNames.count(p.fullName)) continue;
      register_.write({p.nationalId, p.fullName, p.birthDate.toString(), ""});
    }
    register_.close();
  }
  summary.population = population;
  {
    pipeline::CsvWriter consent((fs::path(options.out) / "consent.csv").string());
    consent.write({"national_id", "full_name", "party", "signed_on", "withdrawn_on"});
    for (std::size_t i = 0; i < batchPeople.size(); ++i) {
      const BatchList* list = listOf.at(static_cast<int>(i));
      Date signedOn = list->submitted;
      signedOn.day = std::max(1, signedOn.day - 1 - planting.below(9));
      consent.write({batchPeople[i].nationalId, batchPeople[i].fullName, list->party, signedOn.toString(), ""});
    }
    consent.close();
    pipeline::CsvWriter complaints((fs::path(options.out) / "complaints.csv").string());
    complaints.write({"complaint_id", "national_id", "full_name", "party", "filed_on"});
    complaints.close();
  }

  // Truth: what is written, and the flags a perfect reader raises on it.
  pipeline::CsvWriter truth((fs::path(options.out) / "truth.csv").string());
  truth.write({"list_id", "page", "row", "full_name", "national_id", "flags"});
  for (const BatchList& list : lists) {
    std::set<int> seen;
    for (std::size_t p = 0; p < list.pages.size(); ++p) {
      for (std::size_t r = 0; r < list.pages[p].size(); ++r) {
        const WrittenRow& w = list.pages[p][r];
        std::set<Flag> flags;
        if (!models::checkNationalId(w.nationalId, list.country).valid()) flags.insert(Flag::IdInvalid);
        if (!w.signed_) flags.insert(Flag::SignatureMissing);
        if (!seen.insert(w.person).second) flags.insert(Flag::DuplicateInList);
        std::string codes;
        for (Flag f : flags) codes += (codes.empty() ? "" : ";") + std::string(models::flagCode(f));
        truth.write({list.listId, std::to_string(p + 1), std::to_string(r + 1), w.name, w.nationalId, codes});
      }
    }
  }
  truth.close();
  summary.lists = static_cast<int>(lists.size());
  return summary;
}

}  // namespace listaudit::tools
