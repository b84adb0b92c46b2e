#pragma once
#include <map>
#include <string>
#include <unordered_map>

class SessionTable {
public:
  void open(int Id, std::string User);
  void closeAll();
  void expireAll();
  void reset();

private:
  std::unordered_map<int, std::string> Sessions;
  std::map<int, std::string> ByStart;
};

void countWords(const std::string &Text);
