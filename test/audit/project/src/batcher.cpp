#include "shared_index.h"
#include <vector>

struct Item {
  long Key;
  long Value;
};

class Batcher {
public:
  void run(int Batches) {
    for (int B = 0; B < Batches; ++B) {
      for (int I = 0; I < 1000; ++I)
        Items.push_back({I, B});
      flush();
    }
  }
  void flush() { Items.clear(); }

private:
  std::vector<Item> Items;
  SharedIndex Index;
};
