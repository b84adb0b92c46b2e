#include <unordered_map>

// The same habit as sessions.cpp, accepted on purpose and marked NOLINT.
class Registry {
public:
  void add(int Key) { Entries[Key] = Key; }
  void dropAll() {
    while (!Entries.empty()) // NOLINT(highwater-erase-all-loop)
      Entries.erase(Entries.begin());
  }

private:
  std::unordered_map<int, int> Entries;
};
