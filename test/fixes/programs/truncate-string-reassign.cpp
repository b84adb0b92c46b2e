// FIX-CHECKS: highwater-truncate-without-shrink
// `s = std::string()` keeps a string's buffer; the fix must not.
#include <cstdio>
#include <string>

class Reader {
public:
  void read(int N) {
    for (int I = 0; I < N; ++I)
      Line += 'x';
  }
  void reset() {
    Line = std::string();
  }
  std::size_t capacity() const { return Line.capacity(); }

private:
  std::string Line;
};

int main() {
  Reader R;
  R.read(1 << 20);
  R.reset();
  std::puts(R.capacity() < 64 ? "released" : "retained");
}
