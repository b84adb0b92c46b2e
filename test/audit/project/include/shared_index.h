#pragma once
#include <string>
#include <unordered_map>

// Included by two TUs: its finding must be reported once.
class SharedIndex {
public:
  void add(int Key, std::string Value) { Entries[Key] = std::move(Value); }
  void dropAll() {
    for (auto It = Entries.begin(); It != Entries.end();)
      It = Entries.erase(It);
  }

private:
  std::unordered_map<int, std::string> Entries;
};
