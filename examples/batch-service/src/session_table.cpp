#include "session_table.h"
#include <cstdio>
#include <sstream>

void SessionTable::open(int Id, std::string User) {
  ByStart[Id] = User;
  Sessions[Id] = std::move(User);
}

void SessionTable::closeAll() {
  // Released right after: nothing stays at the high-water mark.
  while (!Sessions.empty())
    Sessions.erase(Sessions.begin());
  Sessions = std::unordered_map<int, std::string>();
}

void SessionTable::expireAll() {
  while (!ByStart.empty())
    ByStart.erase(ByStart.begin());
}

void SessionTable::reset() {
  std::unordered_map<int, std::string>().swap(Sessions);
  ByStart.clear();
}

void countWords(const std::string &Text) {
  // A local that dies right after it is emptied: never a finding.
  std::unordered_map<std::string, int> Counts;
  std::istringstream In(Text);
  for (std::string Word; In >> Word;)
    ++Counts[Word];
  for (auto It = Counts.begin(); It != Counts.end();) {
    std::printf("%s %d\n", It->first.c_str(), It->second);
    It = Counts.erase(It);
  }
}
