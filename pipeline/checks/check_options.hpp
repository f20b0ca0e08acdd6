#pragma once
// The thresholds the checks judge by. Its own header so that the judge and
// the checks it walks both depend on it, and not on each other.
namespace listaudit::pipeline {

struct CheckOptions {
  // Below these reading confidences a person must read the field (UNREADABLE);
  // for the number, only when it also fails its check.
  double minNameConfidence = 0.55;
  double minIdConfidence = 0.55;
  // Below this share of ink the signature cell is empty (SIGNATURE_MISSING).
  double minSignatureInk = 0.003;
  // At or above this shape similarity two signatures are one hand's (SIGNATURE_REPEATED).
  double minSignatureSimilarity = 0.9;
};

}  // namespace listaudit::pipeline
