#include "tools/samples/sample_batch.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <numbers>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "models/flag.hpp"
#include "models/name_text.hpp"
#include "models/national_id.hpp"
#include "pipeline/report/csv_writer.hpp"
#include "tools/samples/batch_truth.hpp"
#include "tools/samples/form_renderer.hpp"
#include "tools/samples/handwriting.hpp"
#include "tools/samples/people.hpp"
#include "tools/samples/planted_case.hpp"
#include "tools/samples/scan_effects.hpp"
#include "tools/samples/scan_files.hpp"
#include "tools/samples/typing.hpp"

namespace listaudit::tools {
namespace {
namespace fs = std::filesystem;

// The share of forms ruled in dots or dashes.
constexpr double kDashedFormShare = 0.125;
using models::Date;
using models::Flag;

// The wording of the form in each country's language.
struct FormWords {
  std::string titleFormat;  // {party} and {date} are replaced
  std::array<std::string, 5> headers;
  std::string collector;
  std::vector<std::string> parties;
  std::string stamp;  // the office whose stamp may fall on a page
};

const FormWords& wordsFor(const models::Country& country) {
  static const FormWords bg{
      "СПИСЪК на избирателите, подкрепящи регистрацията на партия „{party}“ за участие в изборите на {date}",
      {"№", "Собствено, бащино и фамилно име", "ЕГН", "Постоянен адрес", "Подпис"},
      "Лице, пред което са положени подписите:",
      {"Партия за прозрачно управление", "Движение Нова зора", "Съюз за честни избори", "Зелена България"},
      "РИК 23 София"};
  static const FormWords rs{"СПИСАК бирача који подржавају изборну листу „{party}“ за изборе одржане {date}",
                            {"Р. бр.", "Име и презиме", "ЈМБГ", "Пребивалиште и адреса", "Потпис"},
                            "Потписе оверио:",
                            {"Покрет за бољи град", "Савез грађана", "Народна иницијатива", "Зелени покрет"},
                            "ГИК Београд"};
  static const FormWords mk{"ЛИСТА на избирачи кои ја поддржуваат листата „{party}“ за изборите на {date}",
                            {"Бр.", "Име и презиме", "ЕМБГ", "Адреса на живеење", "Потпис"},
                            "Лице пред кое се дадени потписите:",
                            {"Граѓанска опција", "Движење за иднина", "Сојуз за правда"},
                            "ОИК Скопје"};
  static const FormWords al{"LISTA e zgjedhësve që mbështesin regjistrimin e partisë „{party}“ për zgjedhjet e {date}",
                            {"Nr.", "Emri dhe mbiemri", "Numri personal", "Adresa e banimit", "Nënshkrimi"},
                            "Personi para të cilit u vendosën nënshkrimet:",
                            {"Lëvizja për Ndryshim", "Aleanca Qytetare", "Partia e Drejtësisë", "Nisma Çlirimi"},
                            "KZAZ Tiranë"};
  switch (country.language()) {
    case models::Language::Bulgarian: return bg;
    case models::Language::Macedonian: return mk;
    case models::Language::Albanian: return al;
    case models::Language::Serbian:
    case models::Language::Unknown: break;
  }
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

// One row as written on paper, who wrote it and why.
struct WrittenRow {
  int person = 0;  // index into the batch's people: who the row is about
  std::string name, nationalId, address;
  bool signed_ = true;
  std::uint64_t signatureSeed = 0;
  Cause cause = Cause::Genuine;
  int digitalChange = -1;  // for DigitalDiffers: 0 number, 1 name, 2 row missing
};

struct BatchList {
  std::string listId, party;
  models::Country country;
  Locale locale;
  Date election{}, submitted{};
  std::vector<std::vector<WrittenRow>> pages;
  std::string scanPath, digitalPath;
};

struct SamplePerson {
  Person person;
  std::optional<Date> death;
  bool inPopulation = true;
  std::uint64_t signature = 0;  // the person's own hand
};

// Lists cycle through these; Bulgaria comes twice in the first three so that
// a batch of three lists or more holds two parties' lists of one country.
Locale locale(std::string_view code, bool latin) { return {*models::Country::fromCode(code), latin}; }
const std::array<Locale, 8> kLocales{locale("BG", false), locale("RS", true), locale("BG", false), locale("MK", false),
                                     locale("RS", false), locale("AL", true), locale("XK", true),  locale("ME", true)};

// A list in Latin letters of a language written in Cyrillic too (Serbian):
// its words are transliterated.
bool transliterated(const Locale& locale) { return locale.latin && locale.country.writesCyrillic(); }

// Makes one batch: each phase a method, called in this order, so that the
// random streams are drawn the same way for the same seed.
class BatchMaker {
 public:
  explicit BatchMaker(const SampleOptions& options)
      : options_(options),
        root_(options.seed),
        people_(root_.fork(1)),
        layout_(root_.fork(2)),
        planting_(root_.fork(3)),
        scanning_(root_.fork(4)),
        printing_(root_.fork(5)),
        rulingStyle_(root_.fork(6)),
        harderPrint_(root_.fork(7)),
        officeWear_(root_.fork(8)),
        faxFeed_(root_.fork(9)),
        printerFaults_(root_.fork(10)),
        stampMaking_(root_.fork(11)),
        scannerDust_(root_.fork(12)) {
    if (options.style != "printed")
      digits_.emplace(options.digitsPath.empty() ? defaultDigitsPath() : options.digitsPath);
  }

  SampleSummary make() {
    fs::create_directories(fs::path(options_.out) / "scans");
    fs::create_directories(fs::path(options_.out) / "digital");
    planLists();
    plantRows();
    renderScans();
    writeManifest();
    writeRegisters();
    writeTruth();
    summary_.lists = static_cast<int>(lists_.size());
    return summary_;
  }

 private:
  // Names are unique by nameKey: the same name in the other script is the
  // same name (contract section 7); numbers are unique too, so a number of
  // nobody stays nobody's.
  int admit(Person p) {
    const std::string key = models::nameKey(p.fullName);
    if (usedNames_.count(key) || usedNumbers_.count(p.nationalId)) return -1;
    usedNames_.insert(key);
    usedNumbers_.insert(p.nationalId);
    batchPeople_.push_back({std::move(p), std::nullopt, true, planting_.next()});
    return static_cast<int>(batchPeople_.size()) - 1;
  }
  int newVoter(const Locale& locale) {
    for (;;)
      if (const int i = admit(people_.voter(locale, election_)); i >= 0) return i;
  }
  int newMinor(const Locale& locale) {
    for (;;)
      if (const int i = admit(people_.minor(locale, election_)); i >= 0) return i;
  }
  void consent(int person, const std::string& party, std::optional<Date> signedOn, std::optional<Date> withdrawnOn) {
    registers_.consent[batchPeople_[static_cast<std::size_t>(person)].person.nationalId].push_back(
        {party, signedOn, withdrawnOn});
  }

  // Each list: its country, party, dates.
  void planLists() {
    for (int l = 0; l < options_.lists; ++l) {
      BatchList list;
      list.locale = kLocales[static_cast<std::size_t>(l) % kLocales.size()];
      list.country = list.locale.country;
      const FormWords& words = wordsFor(list.country);
      // Lists of one country are different parties'.
      const int sameCountry = listsOfCountry_[std::string(list.country.code())]++;
      list.party =
          words.parties[static_cast<std::size_t>(sameCountry + static_cast<int>(options_.seed)) % words.parties.size()];
      if (transliterated(list.locale)) list.party = toSerbianLatin(list.party);
      char id[32];
      std::snprintf(id, sizeof id, "L%02d-%s", l + 1, std::string(list.country.code()).c_str());
      list.listId = id;
      list.election = election_;
      list.submitted = *Date::make(2021, 2, 10 + l % 15);
      lists_.push_back(std::move(list));
    }
  }

  // Every row with its planted cause, and the registers that make it so.
  void plantRows() {
    genuineOf_ = std::vector<std::vector<int>>(lists_.size());
    forgerBase_ = planting_.next();
    for (std::size_t l = 0; l < lists_.size(); ++l) {
      BatchList& list = lists_[l];
      std::vector<int> onList;
      // Earlier lists of the same country and another party, whose supporters this list may name too.
      std::vector<std::size_t> otherLists;
      for (std::size_t k = 0; k < l; ++k)
        if (lists_[k].country == list.country && lists_[k].party != list.party && !genuineOf_[k].empty())
          otherLists.push_back(k);

      for (int p = 0; p < options_.pages; ++p) {
        std::vector<WrittenRow> rows;
        const int count = layout_.between(10, 15);
        for (int r = 0; r < count; ++r) {
          Cause cause = drawCause(planting_);
          if ((cause == Cause::RepeatInList && onList.empty()) ||
              (cause == Cause::OtherPartysList && otherLists.empty()) ||
              (cause == Cause::WrongCheckDigit && list.country.scheme() == models::IdScheme::Kosovo))
            cause = Cause::Genuine;
          WrittenRow w = writtenRow(l, cause, plantPerson(list, cause, onList, otherLists));
          if (cause == Cause::Genuine) genuineOf_[l].push_back(w.person);
          if (cause != Cause::RepeatInList && cause != Cause::OtherPartysList) onList.push_back(w.person);
          rows.push_back(std::move(w));
        }
        summary_.rows += count;
        list.pages.push_back(std::move(rows));
      }
    }
  }

  models::Date signedBefore(const models::Date& submitted) { return submitted.plusDays(-planting_.between(1, 40)); }

  // The person a row of `cause` is about, with the registers set as the cause needs.
  int plantPerson(const BatchList& list, Cause cause, const std::vector<int>& onList,
                  const std::vector<std::size_t>& otherLists) {
    const Date submitted = list.submitted;
    int person = 0;
    switch (cause) {
      case Cause::RepeatInList:
        return onList[static_cast<std::size_t>(planting_.below(static_cast<int>(onList.size())))];
      case Cause::OtherPartysList: {
        const auto& from =
            genuineOf_[otherLists[static_cast<std::size_t>(planting_.below(static_cast<int>(otherLists.size())))]];
        person = from[static_cast<std::size_t>(planting_.below(static_cast<int>(from.size())))];
        consent(person, list.party, signedBefore(submitted), std::nullopt);
        return person;
      }
      case Cause::Underage:
        person = newMinor(list.locale);
        consent(person, list.party, signedBefore(submitted), std::nullopt);
        return person;
      case Cause::NoConsent: return newVoter(list.locale);
      case Cause::NoConsentWithComplaint:
        person = newVoter(list.locale);
        complaints_.emplace_back(person, list.party, submitted.plusDays(planting_.between(1, 60)));
        return person;
      case Cause::ConsentWithdrawn: {
        person = newVoter(list.locale);
        const Date signedOn = submitted.plusDays(-planting_.between(20, 60));
        consent(person, list.party, signedOn, signedOn.plusDays(planting_.between(1, 19)));
        return person;
      }
      case Cause::ConsentLate:
        person = newVoter(list.locale);
        consent(person, list.party, submitted.plusDays(planting_.between(1, 30)), std::nullopt);
        return person;
      case Cause::Deceased:
        person = newVoter(list.locale);
        batchPeople_[static_cast<std::size_t>(person)].death = submitted.plusDays(-planting_.between(0, 700));
        return person;
      case Cause::NumberOfNobody:
        person = newVoter(list.locale);
        batchPeople_[static_cast<std::size_t>(person)].inPopulation = false;
        return person;
      case Cause::OtherPersonsNumber:
        return newVoter(list.locale);  // whose number is written, with no consent for this party
      default:
        person = newVoter(list.locale);
        consent(person, list.party, signedBefore(submitted), std::nullopt);
        return person;
    }
  }

  // What is written on the row of list `l` about `person`, as `cause` has it.
  WrittenRow writtenRow(std::size_t l, Cause cause, int person) {
    const BatchList& list = lists_[l];
    WrittenRow w;
    w.cause = cause;
    w.person = person;
    const SamplePerson& who = batchPeople_[static_cast<std::size_t>(person)];
    w.name = who.person.fullName;
    w.address = who.person.address;
    w.nationalId = who.person.nationalId;
    w.signatureSeed = who.signature;
    if (cause == Cause::OtherPersonsNumber) {
      // Someone else's name: a person of no register.
      const int other = newVoter(list.locale);
      batchPeople_[static_cast<std::size_t>(other)].inPopulation = false;
      w.name = batchPeople_[static_cast<std::size_t>(other)].person.fullName;
    }
    if (cause == Cause::WrongCheckDigit) w.nationalId = people_.withWrongCheck(w.nationalId, list.locale);
    if (cause == Cause::EmptySignature) w.signed_ = false;
    if (cause == Cause::RepeatedSignature) w.signatureSeed = forgerBase_ + l;  // one collector's hand per list
    if (cause == Cause::DigitalDiffers) w.digitalChange = planting_.below(3);
    return w;
  }

  // One scanner per list: its resolution, colour and JPEG quality, and the
  // paper's tint.
  struct Scanner {
    double dpi = 300;
    bool colour = false;
    int jpegQuality = 90;
    cv::Scalar tint;
  };
  Scanner drawScanner() {
    static constexpr std::array<double, 4> kDpis{150, 200, 300, 400};
    Scanner s;
    s.dpi = kDpis[static_cast<std::size_t>(scanning_.below(4))];
    s.colour = scanning_.chance(0.3);
    s.jpegQuality = scanning_.between(40, 90);
    s.tint = cv::Scalar(scanning_.real(0.88, 0.97), scanning_.real(0.95, 1.0), 1.0);  // BGR: yellowish paper
    return s;
  }

  // Each list's form as its own printer made it, in the list's words and script.
  FormPage listForm(const BatchList& list, const FormWords& words, double dpi) {
    FormPage form;
    std::array<double, 5> columns{12, 58, 32, 50, 28};
    for (double& c : columns) c += layout_.real(-1.5, 1.5);
    form.columnMm = columns;
    form.numberingRow = layout_.chance(0.4);  // as many official forms have
    form.lineMm = layout_.real(0.15, 0.45);
    // Some printers rule a pixel wide at the scanner's resolution, some in grey.
    if (layout_.chance(0.25)) form.lineMm = 25.4 / dpi;
    if (layout_.chance(0.2)) form.lineGrey = layout_.real(0.45, 0.65);
    // Some printers rule the rows only, with no line between the columns;
    // some the header only, the rows left to the writers.
    const double ruled = printing_.real();
    form.columnRulings = ruled >= 0.25;
    form.bodyRulings = ruled < 0.15 || ruled >= 0.25;
    // Some printers rule in dots or dashes: a ruling that is no long run of ink.
    if (rulingStyle_.chance(kDashedFormShare)) {
      const bool dotted = rulingStyle_.chance(0.5);
      form.dashMm = dotted ? rulingStyle_.real(0.2, 0.4) : rulingStyle_.real(1.0, 3.0);
      form.dashGapMm = dotted ? rulingStyle_.real(0.4, 0.8) : rulingStyle_.real(0.5, 1.2);
    }
    form.rowMm = layout_.real(8.5, 11.5);
    form.fontPt = layout_.real(9.5, 12);
    // Some forms print a box for each character of the number: first drawn
    // on handwritten batches; offices that type their lists use them too.
    if (options_.style == "handwritten" && layout_.chance(0.25)) giveNumberBoxes(form, list);
    if (options_.style != "handwritten" && officeWear_.chance(0.2)) giveNumberBoxes(form, list);
    form.title = replaceAll(replaceAll(words.titleFormat, "{party}", list.party), "{date}", dottedDate(list.election));
    form.collectorLabel = words.collector;
    form.headers = words.headers;
    if (transliterated(list.locale)) {
      form.title = toSerbianLatin(form.title);
      form.collectorLabel = toSerbianLatin(form.collectorLabel);
      for (auto& h : form.headers) h = toSerbianLatin(h);
    }
    form.collectorName = people_.collectorName(list.locale);
    // Each office its own word processor and printer: the form's face, the
    // typist's, and one list in four typed small.
    form.font = harderPrint_.pick(printFonts());
    form.typing = typingFor(harderPrint_.fork(1));
    if (harderPrint_.chance(0.25)) form.fontPt = harderPrint_.real(8.0, 9.5);
    // One office in eight still prints on a dot-matrix printer, its ribbon
    // often worn.
    if (officeWear_.chance(1.0 / 8)) {
      form.typing.dotPitchMm = officeWear_.real(0.3, 0.42);
      form.typing.ink = officeWear_.real(0.0, 0.4);
      // Its faults from a stream of their own, the other draws kept: a
      // ribbon worn anywhere from new to spent, one printer in three with a
      // pin that no longer strikes.
      form.typing.ribbonWear = printerFaults_.real(0.0, 1.0);
      if (printerFaults_.chance(1.0 / 3)) form.typing.brokenPin = printerFaults_.between(1, 7);
    }
    form.dpi = dpi;
    form.digits = digits_ ? &*digits_ : nullptr;
    return form;
  }

  // A box for each character of the list's number, 4 mm a box, the room
  // taken from the address.
  static void giveNumberBoxes(FormPage& form, const BatchList& list) {
    form.digitBoxes = static_cast<int>(models::idForm(list.country.scheme()).size());
    const double wanted = 4.0 * form.digitBoxes + 3;
    if (form.columnMm[2] < wanted) {
      form.columnMm[3] -= wanted - form.columnMm[2];
      form.columnMm[2] = wanted;
    }
  }

  // Whether the row is written by hand (its person's choice on a mixed batch).
  bool byHand(const WrittenRow& w) const {
    return options_.style == "handwritten" || (options_.style == "mixed" && (w.signatureSeed >> 7) % 2 == 0);
  }

  // Page `p`'s rows on the form, each also into the electronic copy unless the
  // copy leaves it out or changes it.
  void fillPage(FormPage& form, const BatchList& list, std::size_t p, pipeline::CsvWriter& digital) {
    form.rows.clear();
    form.blankRows = static_cast<int>(15 - list.pages[p].size());
    for (std::size_t r = 0; r < list.pages[p].size(); ++r) {
      const WrittenRow& w = list.pages[p][r];
      std::optional<Hand> hand;
      // A person writes in their own hand: it comes from their own stream.
      if (byHand(w)) hand = handFor(SampleRandom(w.signatureSeed ^ 0x4A4E44ull), isCyrillic(w.name));
      // Digits given (tools/train-numbers' training sheets) are the only
      // digits written: the fonts' digits stay held out from training.
      if (hand && !options_.digitsPath.empty()) hand->fontDigits = false;
      form.rows.push_back({w.name, w.nationalId, w.address, w.signed_, w.signatureSeed, hand});
      std::string copyName = w.name, copyNumber = w.nationalId;
      if (w.digitalChange == 2) continue;  // the electronic copy leaves the row out
      if (w.digitalChange == 0)
        copyNumber.back() = copyNumber.back() == '9' ? '0' : static_cast<char>(copyNumber.back() + 1);
      if (w.digitalChange == 1) copyName = people_.collectorName(list.locale);
      digital.write({std::to_string(p + 1), std::to_string(r + 1), copyName, copyNumber});
    }
  }

  // How page `p` of list `l` goes through the scanner; an office stamp may fall on it.
  ScanEffects drawEffects(std::size_t l, std::size_t p, const Scanner& scanner, FormPage& form, const FormWords& words,
                          int rows) {
    ScanEffects effects;
    effects.angleDegrees = scanning_.chance(0.7) ? scanning_.real(-5.0, 5.0) : 0.0;
    // At least one page upside down in any batch of two lists, and one in ten besides.
    effects.upsideDown = (p == 1 && l % 2 == 1) || scanning_.chance(0.1);
    effects.colour = scanner.colour;
    effects.paperTint = scanner.tint;
    effects.noiseSigma = scanning_.real(2, 8);
    effects.blurSigma = scanning_.chance(0.5) ? scanning_.real(0.3, 0.8) : 0.0;
    effects.background = scanning_.real(235, 252);
    // One page in eight is a photocopy: what an office keeps and sends on.
    if (harderPrint_.chance(0.125)) {
      effects.photocopied = true;
      effects.copyThreshold = harderPrint_.real(110, 190);
      effects.copySeed = harderPrint_.next();
    }
    form.stampRow = -1;
    if (scanning_.chance(0.3)) {
      form.stampRow = scanning_.below(rows);
      form.stampText = words.stamp;
      form.stampColour = scanning_.chance(0.5) ? std::array<double, 3>{0.25, 0.3, 0.75}   // blue
                                               : std::array<double, 3>{0.45, 0.2, 0.55};  // violet
    }
    // Half the stamps miss the signature column and fall over the names and numbers.
    form.stampAcross = form.stampRow >= 0 && officeWear_.chance(0.5) ? officeWear_.real(0.1, 0.55) : -1;
    // Offices' stamps differ, and a stamp is not pressed evenly: sizes from
    // 26 to 40 mm, one ring or two, words across or round, ink fading to one
    // side on two in five (from a stream of their own, so every other draw
    // stays).
    if (form.stampRow >= 0) {
      form.stampMm = stampMaking_.real(26, 40);
      form.stampRings = stampMaking_.chance(0.7) ? 2 : 1;
      form.stampWordsRound = stampMaking_.chance(0.5);
      form.stampFade = stampMaking_.chance(0.4) ? stampMaking_.real(0.3, 0.8) : 0;
      form.stampFadeRadians = stampMaking_.real(0, 2 * std::numbers::pi);
    }
    // One page in ten was faxed on its way, one fax in three at standard resolution.
    if (officeWear_.chance(0.1)) {
      effects.faxAcross = 204.0 / scanner.dpi;
      effects.faxDown = (officeWear_.chance(1.0 / 3) ? 98.0 : 196.0) / scanner.dpi;
      effects.faxThreshold = officeWear_.real(120, 180);
      // Half the faxes were fed in turned: the fax samples the turned
      // rulings in steps, a thin ruling a dashed one.
      if (faxFeed_.chance(0.5)) effects.faxFedDegrees = faxFeed_.real(0.5, 3.0) * (faxFeed_.chance(0.5) ? 1 : -1);
    }
    // One page in eight went through a sheet-fed scanner with dust on its
    // glass: a thin line from top to bottom, anywhere across the page, as
    // dark as a ruling or fainter (from a stream of its own, so every other
    // draw stays).
    if (scannerDust_.chance(0.125)) {
      effects.streakAcross = scannerDust_.real(0.05, 0.95);
      effects.streakPixels = 1 + static_cast<int>(scannerDust_.below(3));
      effects.streakGrey = scannerDust_.real(40, 170);
    }
    return effects;
  }

  // Scans and electronic copies.
  void renderScans() {
    const std::array<ScanKind, 4> kinds{ScanKind::JpegFolder, ScanKind::Pdf, ScanKind::MultiPageTiff,
                                        ScanKind::PngFolder};
    for (std::size_t l = 0; l < lists_.size(); ++l) {
      BatchList& list = lists_[l];
      const FormWords& words = wordsFor(list.country);
      const Scanner scanner = drawScanner();
      FormPage form = listForm(list, words, scanner.dpi);
      std::vector<cv::Mat> images;
      pipeline::CsvWriter digital((fs::path(options_.out) / "digital" / (list.listId + ".csv")).string());
      digital.write({"page", "row", "full_name", "national_id"});
      for (std::size_t p = 0; p < list.pages.size(); ++p) {
        fillPage(form, list, p, digital);
        const ScanEffects effects = drawEffects(l, p, scanner, form, words, static_cast<int>(list.pages[p].size()));
        images.push_back(applyScanEffects(renderForm(form), effects, scanning_));
      }
      digital.close();
      list.scanPath =
          "scans/" + writeScans(images, kinds[l % kinds.size()], (fs::path(options_.out) / "scans").string(),
                                list.listId, scanner.dpi, scanner.jpegQuality);
      list.digitalPath = "digital/" + list.listId + ".csv";
      summary_.pages += static_cast<int>(list.pages.size());
    }
  }

  // The manifest.
  void writeManifest() {
    pipeline::CsvWriter manifest((fs::path(options_.out) / "manifest.csv").string());
    manifest.write({"list_id", "party", "election_date", "submitted_on", "path", "digital_path", "country"});
    for (const BatchList& list : lists_)
      manifest.write({list.listId, list.party, list.election.toString(), list.submitted.toString(), list.scanPath,
                      list.digitalPath, std::string(list.country.code())});
    manifest.close();
  }

  // The registers: the batch's people as planted, then others, streamed, so
  // a register of millions is never held in memory.
  void writeRegisters() {
    pipeline::CsvWriter population((fs::path(options_.out) / "population.csv").string());
    pipeline::CsvWriter consent((fs::path(options_.out) / "consent.csv").string());
    pipeline::CsvWriter complaints((fs::path(options_.out) / "complaints.csv").string());
    population.write({"national_id", "full_name", "birth_date", "death_date"});
    consent.write({"national_id", "full_name", "party", "signed_on", "withdrawn_on"});
    complaints.write({"complaint_id", "national_id", "full_name", "party", "filed_on"});
    long long written = 0;
    for (const SamplePerson& p : batchPeople_) {
      if (!p.inPopulation) continue;
      population.write(
          {p.person.nationalId, p.person.fullName, p.person.birthDate.toString(), p.death ? p.death->toString() : ""});
      registers_.population[p.person.nationalId] = {p.person.fullName, p.person.birthDate, p.death};
      registers_.numberOfName[p.person.fullName] = p.person.nationalId;
      ++written;
    }
    for (const SamplePerson& p : batchPeople_) {
      const auto it = registers_.consent.find(p.person.nationalId);
      if (it == registers_.consent.end()) continue;
      for (const auto& c : it->second)
        consent.write({p.person.nationalId, p.person.fullName, c.party, c.signedOn ? c.signedOn->toString() : "",
                       c.withdrawnOn ? c.withdrawnOn->toString() : ""});
    }
    int complaintsWritten = 0;
    const auto complaint = [&](const Person& p, const std::string& party, const Date& filed) {
      char cid[32];
      std::snprintf(cid, sizeof cid, "C-%04d", ++complaintsWritten);
      complaints.write({cid, p.nationalId, p.fullName, party, filed.toString()});
    };
    for (const auto& [person, party, filed] : complaints_) {
      const Person& p = batchPeople_[static_cast<std::size_t>(person)].person;
      complaint(p, party, filed);
      registers_.complaints[p.nationalId].insert(party);
    }
    // The others, streamed, so a register of millions is never held in memory.
    const long long target = std::max(options_.populationSize, written + 20);
    for (long long i = 0, others = 0; written < target; ++i) {
      const Locale& locale = kLocales[static_cast<std::size_t>(i) % kLocales.size()];
      const Person p = people_.voter(locale, election_);
      if (usedNumbers_.count(p.nationalId) || usedNames_.count(models::nameKey(p.fullName))) continue;
      population.write({p.nationalId, p.fullName, p.birthDate.toString(), ""});
      ++written;
      const std::string& party = lists_[static_cast<std::size_t>(others) % lists_.size()].party;
      if (others < options_.consentSize)
        consent.write({p.nationalId, p.fullName, party, election_.plusDays(-60 - others % 300).toString(), ""});
      if (others < options_.complaintsSize) complaint(p, party, election_.plusDays(others % 90));
      ++others;
    }
    population.close();
    consent.close();
    complaints.close();
    summary_.population = written;
  }

  // Truth: what is written and the flags a perfect reader raises on it; and
  // the planted cause of every row.
  void writeTruth() {
    std::vector<TruthRow> truthRows;
    std::map<std::string, TruthList> truthLists;
    std::vector<Cause> causes;
    std::vector<bool> handwritten;
    for (const BatchList& list : lists_) {
      truthLists[list.listId] = {list.listId, list.party, list.country, list.election, list.submitted};
      for (std::size_t p = 0; p < list.pages.size(); ++p)
        for (std::size_t r = 0; r < list.pages[p].size(); ++r) {
          const WrittenRow& w = list.pages[p][r];
          truthRows.push_back({list.listId, static_cast<int>(p + 1), static_cast<int>(r + 1), w.name, w.nationalId,
                               w.signed_, w.signatureSeed, w.digitalChange >= 0});
          causes.push_back(w.cause);
          handwritten.push_back(byHand(w));
        }
    }
    const auto flags = truthFlags(truthRows, truthLists, registers_);
    pipeline::CsvWriter truth((fs::path(options_.out) / "truth.csv").string());
    // After the contract's columns: how the row is written, so the scoreboard can split its figures.
    truth.write({"list_id", "page", "row", "full_name", "national_id", "flags", "writing"});
    pipeline::CsvWriter causesCsv((fs::path(options_.out) / "causes.csv").string());
    causesCsv.write({"list_id", "page", "row", "cause"});
    for (std::size_t i = 0; i < truthRows.size(); ++i) {
      const TruthRow& t = truthRows[i];
      std::string codes;
      for (Flag f : flags[i]) codes += (codes.empty() ? "" : ";") + std::string(models::flagCode(f));
      truth.write({t.listId, std::to_string(t.page), std::to_string(t.row), t.name, t.nationalId, codes,
                   handwritten[i] ? "handwritten" : "printed"});
      causesCsv.write({t.listId, std::to_string(t.page), std::to_string(t.row), std::string(causeName(causes[i]))});
    }
    truth.close();
    causesCsv.close();
  }

  const SampleOptions& options_;
  std::optional<DigitBank> digits_;
  SampleRandom root_;
  PeopleFactory people_;
  SampleRandom layout_, planting_, scanning_;
  // Draws added after the others had their streams: a stream of their own,
  // so that adding them left every other page of a seed as it was.
  SampleRandom printing_;
  SampleRandom rulingStyle_;    // likewise, for dotted and dashed rulings
  SampleRandom harderPrint_;    // likewise, for typing, small print and photocopies
  SampleRandom officeWear_;     // likewise, for typed boxes, dot-matrix print, faxes and stamps over the writing
  SampleRandom faxFeed_;        // likewise, for faxes fed in turned
  SampleRandom printerFaults_;  // likewise, for a dot-matrix printer's ribbon and pins
  SampleRandom stampMaking_;    // likewise, for the offices' stamps: size, rings, words, ink
  SampleRandom scannerDust_;    // likewise, for dust on a sheet-fed scanner's glass
  const Date election_ = *Date::make(2021, 4, 4);

  std::vector<SamplePerson> batchPeople_;  // everyone the batch writes about
  std::set<std::string> usedNames_, usedNumbers_;
  TruthRegisters registers_;
  std::vector<std::tuple<int, std::string, Date>> complaints_;  // person, party, filed on
  std::vector<BatchList> lists_;
  std::map<std::string, int> listsOfCountry_;
  std::vector<std::vector<int>> genuineOf_;  // genuine supporters of each list, whom another party's list may name too
  std::uint64_t forgerBase_ = 0;             // one collector's hand per list, for repeated signatures
  SampleSummary summary_;
};

}  // namespace

SampleSummary makeSamples(const SampleOptions& options) {
  if (options.lists < 1 || options.pages < 1)
    throw std::invalid_argument("make-samples: --lists and --pages must be at least 1");
  if (options.out.empty()) throw std::invalid_argument("make-samples: --out is required");
  if (options.style != "printed" && options.style != "handwritten" && options.style != "mixed")
    throw std::invalid_argument("make-samples: --style must be printed, handwritten or mixed");
  return BatchMaker(options).make();
}

}  // namespace listaudit::tools
