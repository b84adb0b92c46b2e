#pragma once
#include <array>
#include <cstdint>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

struct Record {
  std::uint64_t Id = 0;
  std::array<char, 120> Payload{};
};

// Loads a batch, emits it, empties itself, repeats: the Go service of the
// post-mortem, in C++.
class RecordStore {
public:
  void load(const std::vector<Record> &Batch);
  void emitAll();
  void flush();
  void drainRetries();
  void dropAcknowledged(std::uint64_t UpTo);

private:
  std::unordered_map<std::uint64_t, Record> Records;
  std::priority_queue<std::uint64_t> RetryIds;
  std::vector<std::string> Lines;
};
