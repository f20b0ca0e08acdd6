#include "pipeline/page/network_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace listaudit::pipeline {

std::string weightsFile(const char* file) { return std::string(LISTAUDIT_WEIGHTS_DIR) + "/" + file; }

std::string modelPath(const char* variable, const char* file) {
  if (const char* env = std::getenv(variable); env && *env) return env;
  return weightsFile(file);
}

cv::dnn::Net loadNetwork(const std::string& path, const char* whatMakesIt) {
  if (!std::filesystem::is_regular_file(path))
    throw std::runtime_error("read stage: the network " + path + " is missing (" + whatMakesIt + " makes it)");
  cv::dnn::Net net;
  try {
    net = cv::dnn::readNetFromONNX(path);
  } catch (const cv::Exception& e) {
    throw std::runtime_error("read stage: " + path + " is not a network OpenCV can run: " + e.what());
  }
  net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
  net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
  return net;
}

void softmaxRow(const float* logits, int n, double* out) {
  double top = -1e300, sum = 0;
  for (int k = 0; k < n; ++k) top = std::max(top, static_cast<double>(logits[k]));
  for (int k = 0; k < n; ++k) sum += out[k] = std::exp(logits[k] - top);
  for (int k = 0; k < n; ++k) out[k] /= sum;
}

cv::Mat columnPosteriors(cv::dnn::Net& net, const cv::Mat& input) {
  net.setInput(cv::dnn::blobFromImage(input));  // 1 x 1 x height x width
  const cv::Mat out = net.forward();            // 1 x classes x 1 x columns
  const int classes = out.size[1], columns = out.size[3];
  cv::Mat logits(classes, columns, CV_32F, const_cast<float*>(out.ptr<float>()));
  const cv::Mat byColumn = logits.t();
  cv::Mat posteriors(columns, classes, CV_32F);
  std::vector<double> p(static_cast<std::size_t>(classes));
  for (int t = 0; t < columns; ++t) {
    softmaxRow(byColumn.ptr<float>(t), classes, p.data());
    for (int k = 0; k < classes; ++k) posteriors.at<float>(t, k) = static_cast<float>(p[static_cast<std::size_t>(k)]);
  }
  return posteriors;
}

}  // namespace listaudit::pipeline
