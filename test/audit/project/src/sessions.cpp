#include "shared_index.h"
#include <array>
#include <unordered_map>

struct Session {
  std::array<char, 96> State{};
};

class SessionTable {
public:
  void open(int Id) { Sessions[Id] = Session(); }
  void closeAll() {
    while (!Sessions.empty())
      Sessions.erase(Sessions.begin());
  }

private:
  std::unordered_map<int, Session> Sessions;
  SharedIndex Index;
};

int sessionCount(SessionTable &T) {
  T.open(1);
  T.closeAll();
  return 0;
}
