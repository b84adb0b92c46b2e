// RUN: %check_highwater %s highwater-erase-all-loop %t -- -- -std=c++20
// RUN: %check_highwater -check-suffixes=MIN %s highwater-erase-all-loop %t -- -config="{CheckOptions: {highwater-erase-all-loop.MinRetainedSlotBytes: 16}}" -- -std=c++20
// RUN: %check_highwater -check-suffixes=SWAP %s highwater-erase-all-loop %t -- -config="{CheckOptions: {ReleaseStyle: swap, highwater-erase-all-loop.ExtraContainers: 'mine::Pool=vector;mine::Table=flat-hash'}}" -- -std=c++20

#include <string>
#include <unordered_map>
#include <vector>

// Third-party and project containers, as the model sees them by name.
namespace absl {
inline namespace lts_2025 {
template <typename T> class InlinedVector {
public:
  using value_type = T;
  bool empty() const { return Size == 0; }
  void pop_back() { --Size; }
  void clear() { Size = 0; }
private:
  unsigned Size = 0;
};
} // namespace lts_2025
} // namespace absl

namespace mine {
template <typename T> class Pool {
public:
  using value_type = T;
  bool empty() const { return N == 0; }
  void pop_back() { --N; }
  void swap(Pool &Other) { unsigned T2 = N; N = Other.N; Other.N = T2; }
private:
  unsigned N = 0;
};
struct Wide {
  char Bytes[32];
};
} // namespace mine

struct Options {
  std::vector<int> Ints;
  std::vector<mine::Wide> Wides;
  std::unordered_map<int, int> Map;
  absl::InlinedVector<long> Inlined;
  mine::Pool<mine::Wide> Pooled;

  void drainInts() {
    while (!Ints.empty())
      Ints.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Ints' (a data member of 'Options') is emptied one element at a time, which keeps its element buffer (4 bytes per element) at the high-water mark and costs a pass per element; release it at once with 'Ints = std::vector<int>();'
    // CHECK-MESSAGES-SWAP: :[[@LINE-3]]:5: warning: 'Ints' (a data member of 'Options') is emptied one element at a time, which keeps its element buffer (4 bytes per element) at the high-water mark and costs a pass per element; release it at once with 'std::vector<int>().swap(Ints);'
    // CHECK-FIXES: {{^}}    Ints = std::vector<int>();{{$}}
    // CHECK-FIXES-SWAP: {{^}}    std::vector<int>().swap(Ints);{{$}}
  }

  void drainWides() {
    while (!Wides.empty())
      Wides.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Wides' (a data member of 'Options') is emptied one element at a time, which keeps its element buffer (32 bytes per element)
    // CHECK-MESSAGES-MIN: :[[@LINE-3]]:5: warning: 'Wides' (a data member of 'Options') is emptied one element at a time, which keeps its element buffer (32 bytes per element)
    // CHECK-MESSAGES-SWAP: :[[@LINE-4]]:5: warning: 'Wides' (a data member of 'Options') is emptied one element at a time
    // CHECK-FIXES: {{^}}    Wides = std::vector<mine::Wide>();{{$}}
    // CHECK-FIXES-MIN: {{^}}    Wides = std::vector<mine::Wide>();{{$}}
    // CHECK-FIXES-SWAP: {{^}}    std::vector<mine::Wide>().swap(Wides);{{$}}
  }

  void drainMap() {
    while (!Map.empty())
      Map.erase(Map.begin());
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Map' (a data member of 'Options') is emptied one element at a time, which keeps its bucket array (8 bytes per bucket)
    // CHECK-MESSAGES-SWAP: :[[@LINE-3]]:5: warning: 'Map' (a data member of 'Options') is emptied one element at a time
    // CHECK-FIXES: {{^}}    Map = std::unordered_map<int, int>();{{$}}
    // CHECK-FIXES-SWAP: {{^}}    std::unordered_map<int, int>().swap(Map);{{$}}
  }

  void drainInlined() {
    // Seen through the inline namespace; pop_back keeps its heap buffer.
    while (!Inlined.empty())
      Inlined.pop_back();
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Inlined' (a data member of 'Options') is emptied one element at a time, which keeps its element buffer (8 bytes per element)
    // It has no swap(): the swap style falls back to reassignment.
    // CHECK-MESSAGES-SWAP: :[[@LINE-4]]:5: warning: 'Inlined' (a data member of 'Options') is emptied one element at a time, {{.*}} release it at once with 'Inlined = absl::InlinedVector<long>();'
    // CHECK-FIXES: {{^}}    Inlined = absl::InlinedVector<long>();{{$}}
    // CHECK-FIXES-SWAP: {{^}}    Inlined = absl::InlinedVector<long>();{{$}}
  }

  void drainPool() {
    // Known only through ExtraContainers.
    while (!Pooled.empty())
      Pooled.pop_back();
    // CHECK-MESSAGES-SWAP: :[[@LINE-2]]:5: warning: 'Pooled' (a data member of 'Options') is emptied one element at a time, which keeps its element buffer (32 bytes per element) at the high-water mark and costs a pass per element; release it at once with 'mine::Pool<mine::Wide>().swap(Pooled);'
    // CHECK-FIXES-SWAP: {{^}}    mine::Pool<mine::Wide>().swap(Pooled);{{$}}
  }
};
