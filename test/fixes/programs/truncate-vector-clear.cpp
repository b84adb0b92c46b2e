// FIX-CHECKS: highwater-truncate-without-shrink
// After a spike, flushing must give the buffer back.
#include <cstdio>
#include <vector>

struct Item {
  long Key, Value;
};

class Batcher {
public:
  void load(int N) {
    for (int I = 0; I < N; ++I)
      Items.push_back(Item{I, I});
  }
  void flush() {
    Items.clear();
  }
  std::size_t capacity() const { return Items.capacity(); }

private:
  std::vector<Item> Items;
};

int main() {
  Batcher B;
  B.load(100000);
  B.flush();
  std::puts(B.capacity() == 0 ? "released" : "retained");
}
