#include "tools/samples/typing.hpp"

namespace listaudit::tools {

const std::vector<std::string>& printFonts() {
  // DejaVu Sans is listed twice: the first forms' face stays the commonest.
  static const std::vector<std::string> fonts{"DejaVu Sans",
                                              "DejaVu Sans",
                                              "DejaVu Serif",
                                              "DejaVu Sans Condensed",
                                              "Liberation Sans",
                                              "Liberation Serif",
                                              "Liberation Mono",
                                              "PT Sans",
                                              "PT Serif",
                                              "PT Sans Narrow",
                                              "Carlito",
                                              "FreeSans",
                                              "FreeSerif",
                                              "FreeMono",
                                              "Linux Libertine O",
                                              "Tinos",
                                              "Arimo"};
  return fonts;
}

const std::string& formAlphabets() {
  static const std::string letters =
      "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюя"  // Bulgarian
      "ЃЅЈЉЊЌЏѓѕјљњќџ"                                                // Macedonian, beyond Bulgarian
      "ЂЋђћ"                                                          // Serbian, beyond Macedonian
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
      "ČĆĐŠŽčćđšž"  // Serbian Latin
      "ÇËçë"        // Albanian
      "0123456789";
  return letters;
}

Typing typingFor(SampleRandom random) {
  Typing t;
  t.font = random.pick(printFonts());
  t.bold = random.chance(1.0 / 6);
  t.capitals = random.chance(0.2);
  // One printer in six is low on toner.
  if (random.chance(1.0 / 6)) t.ink = random.real(0.3, 0.5);
  return t;
}

}  // namespace listaudit::tools
