// FIX-CHECKS: highwater-retained-past-end
// `Count = 0` must drop every session the pool held.
#include <cstdio>
#include <memory>

struct Session {
  int Id = 0;
};

class Pool {
public:
  void add(std::shared_ptr<Session> S) { Slots[Count++] = std::move(S); }
  void clear() {
    Count = 0;
  }

private:
  std::shared_ptr<Session> Slots[16];
  unsigned Count = 0;
};

int main() {
  Pool P;
  auto Kept = std::make_shared<Session>();
  for (int I = 0; I < 10; ++I)
    P.add(Kept);
  P.clear();
  std::puts(Kept.use_count() == 1 ? "released" : "retained");
}
