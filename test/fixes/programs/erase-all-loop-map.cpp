// FIX-CHECKS: highwater-erase-all-loop
// Emptying the map must not leave its bucket array at the peak.
#include <cstdio>
#include <unordered_map>

class Index {
public:
  void load(int N) {
    for (int I = 0; I < N; ++I)
      Map[I] = I;
  }
  void flush() {
    for (auto It = Map.begin(); It != Map.end();)
      It = Map.erase(It);
  }
  std::size_t buckets() const { return Map.bucket_count(); }

private:
  std::unordered_map<int, int> Map;
};

int main() {
  Index X;
  X.load(100000);
  X.flush();
  std::puts(X.buckets() < 100 ? "released" : "retained");
}
