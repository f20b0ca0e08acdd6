#pragma once
// The project's trained networks (weights/*.onnx, each made by a script of
// tools/) as the handwriting readers load and run them through OpenCV's dnn
// module. Shared by the number and the name readers.
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <string>

namespace listaudit::pipeline {

// `file` of the weights committed beside the sources.
std::string weightsFile(const char* file);

// The network the environment variable `variable` names, else `file` of the
// weights committed beside the sources.
std::string modelPath(const char* variable, const char* file);

// The network at `path`, to run on the CPU. Throws std::runtime_error naming
// the file (and `whatMakesIt`, the script that makes it) when it is missing or
// not a network OpenCV can run.
cv::dnn::Net loadNetwork(const std::string& path, const char* whatMakesIt);

// A row of logits as probabilities (softmax).
void softmaxRow(const float* logits, int n, double* out);

// A sequence network's reading of `input` (one image, CV_32F): per column of
// its output, the probability of each class (softmax), a row per column.
cv::Mat columnPosteriors(cv::dnn::Net& net, const cv::Mat& input);

}  // namespace listaudit::pipeline
