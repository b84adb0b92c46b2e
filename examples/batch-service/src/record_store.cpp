#include "record_store.h"
#include <cstdio>

void RecordStore::load(const std::vector<Record> &Batch) {
  for (const Record &R : Batch) {
    Records[R.Id] = R;
    RetryIds.push(R.Id);
  }
}

void RecordStore::emitAll() {
  for (const auto &[Id, R] : Records)
    Lines.push_back(std::to_string(Id) + ":" + R.Payload.data());
  for (const std::string &Line : Lines)
    std::puts(Line.c_str());
  while (!Lines.empty())
    Lines.pop_back();
}

void RecordStore::flush() {
  // Go's `for k := range m { delete(m, k) }`.
  for (auto It = Records.begin(); It != Records.end();)
    It = Records.erase(It);
}

void RecordStore::drainRetries() {
  while (!RetryIds.empty()) {
    std::printf("retry %llu\n", static_cast<unsigned long long>(RetryIds.top()));
    RetryIds.pop();
  }
}

void RecordStore::dropAcknowledged(std::uint64_t UpTo) {
  // Only some elements go: not an erase-all loop.
  for (auto It = Records.begin(); It != Records.end();) {
    if (It->first <= UpTo)
      It = Records.erase(It);
    else
      ++It;
  }
}
