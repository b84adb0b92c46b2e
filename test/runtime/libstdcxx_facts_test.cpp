// Verifies, by measurement on this machine's libstdc++, the facts about
// standard containers that highwater's container model relies on: which
// operations keep a container's heap memory at its high-water mark and which
// ones give it back.
//
// Every global operator new / operator delete is replaced below by a counting
// version that stores the requested size in a header in front of the block and
// keeps a running total of live (allocated, not yet freed) bytes.  "Live bytes
// of a container" is the difference of that total against a baseline taken
// just before the container was created, so allocations made by GoogleTest or
// by anything else before the test body do not count.
//
// Each test prints one line "[ fact ] <name>: before=<bytes> after=<bytes>"
// with the numbers it observed; docs/ can quote them.
//
// The facts are libstdc++ facts (GCC 12 was measured); a different standard
// library may legitimately fail some of these tests.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <list>
#include <map>
#include <new>
#include <queue>
#include <set>
#include <stack>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// ---------------------------------------------------------------------------
// Counting global allocator.
// ---------------------------------------------------------------------------

namespace {

std::atomic<long long> g_live_bytes{0};
// Sized deallocations whose size did not match the size recorded at
// allocation time; checked by a sanity test.
std::atomic<long long> g_size_mismatches{0};

constexpr std::size_t kBaseAlign = alignof(std::max_align_t);

// The header sits right in front of the returned pointer; its size is a
// multiple of the alignment so the user block stays aligned.
std::size_t headerFor(std::size_t align) {
  return std::max(align, kBaseAlign);
}

std::size_t &storedSize(void *user) {
  return *reinterpret_cast<std::size_t *>(static_cast<char *>(user) -
                                          sizeof(std::size_t));
}

void *countedAlloc(std::size_t size, std::size_t align) noexcept {
  const std::size_t header = headerFor(align);
  if (size > SIZE_MAX - header - align)
    return nullptr;
  void *base = nullptr;
  if (align <= kBaseAlign) {
    base = std::malloc(header + size);
  } else {
    std::size_t total = header + size;
    total = (total + align - 1) / align * align;  // aligned_alloc wants this
    base = std::aligned_alloc(align, total);
  }
  if (base == nullptr)
    return nullptr;
  void *user = static_cast<char *>(base) + header;
  storedSize(user) = size;
  g_live_bytes.fetch_add(static_cast<long long>(size),
                         std::memory_order_relaxed);
  return user;
}

void countedFree(void *user, std::size_t align) noexcept {
  if (user == nullptr)
    return;
  g_live_bytes.fetch_sub(static_cast<long long>(storedSize(user)),
                         std::memory_order_relaxed);
  std::free(static_cast<char *>(user) - headerFor(align));
}

void countedFreeSized(void *user, std::size_t size,
                      std::size_t align) noexcept {
  if (user != nullptr && storedSize(user) != size)
    g_size_mismatches.fetch_add(1, std::memory_order_relaxed);
  countedFree(user, align);
}

void *countedAllocOrThrow(std::size_t size, std::size_t align) {
  for (;;) {
    if (void *p = countedAlloc(size, align))
      return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) {
#if defined(__cpp_exceptions)
      throw std::bad_alloc();
#else
      std::abort();
#endif
    }
    handler();
  }
}

std::size_t alignOf(std::align_val_t a) { return static_cast<std::size_t>(a); }

} // namespace

void *operator new(std::size_t n) { return countedAllocOrThrow(n, kBaseAlign); }
void *operator new[](std::size_t n) {
  return countedAllocOrThrow(n, kBaseAlign);
}
void *operator new(std::size_t n, const std::nothrow_t &) noexcept {
  return countedAlloc(n, kBaseAlign);
}
void *operator new[](std::size_t n, const std::nothrow_t &) noexcept {
  return countedAlloc(n, kBaseAlign);
}
void *operator new(std::size_t n, std::align_val_t a) {
  return countedAllocOrThrow(n, alignOf(a));
}
void *operator new[](std::size_t n, std::align_val_t a) {
  return countedAllocOrThrow(n, alignOf(a));
}
void *operator new(std::size_t n, std::align_val_t a,
                   const std::nothrow_t &) noexcept {
  return countedAlloc(n, alignOf(a));
}
void *operator new[](std::size_t n, std::align_val_t a,
                     const std::nothrow_t &) noexcept {
  return countedAlloc(n, alignOf(a));
}

void operator delete(void *p) noexcept { countedFree(p, kBaseAlign); }
void operator delete[](void *p) noexcept { countedFree(p, kBaseAlign); }
void operator delete(void *p, std::size_t n) noexcept {
  countedFreeSized(p, n, kBaseAlign);
}
void operator delete[](void *p, std::size_t n) noexcept {
  countedFreeSized(p, n, kBaseAlign);
}
void operator delete(void *p, const std::nothrow_t &) noexcept {
  countedFree(p, kBaseAlign);
}
void operator delete[](void *p, const std::nothrow_t &) noexcept {
  countedFree(p, kBaseAlign);
}
void operator delete(void *p, std::align_val_t a) noexcept {
  countedFree(p, alignOf(a));
}
void operator delete[](void *p, std::align_val_t a) noexcept {
  countedFree(p, alignOf(a));
}
void operator delete(void *p, std::size_t n, std::align_val_t a) noexcept {
  countedFreeSized(p, n, alignOf(a));
}
void operator delete[](void *p, std::size_t n, std::align_val_t a) noexcept {
  countedFreeSized(p, n, alignOf(a));
}
void operator delete(void *p, std::align_val_t a,
                     const std::nothrow_t &) noexcept {
  countedFree(p, alignOf(a));
}
void operator delete[](void *p, std::align_val_t a,
                       const std::nothrow_t &) noexcept {
  countedFree(p, alignOf(a));
}

// ---------------------------------------------------------------------------
// Measurement helpers.
// ---------------------------------------------------------------------------

namespace {

long long liveBytes() { return g_live_bytes.load(std::memory_order_relaxed); }

// Live bytes relative to a baseline taken when the object is created.
class LiveMeter {
public:
  LiveMeter() : base_(liveBytes()) {}
  long long operator()() const { return liveBytes() - base_; }

private:
  long long base_;
};

// Makes the object (and, through the memory clobber, everything it points to)
// observable, so that an optimizer cannot elide allocation/deallocation pairs
// (Clang may, since libstdc++'s allocator uses __builtin_operator_new).
template <typename T> void escape(T &obj) {
  asm volatile("" : : "r"(&obj) : "memory");
}

void report(const char *fact, long long before, long long after) {
  std::printf("[ fact ] %s: before=%lld after=%lld\n", fact, before, after);
  std::fflush(stdout);
}

// Footprint of a default-constructed (empty) deque<int>: libstdc++ allocates
// an 8-pointer map and one 512-byte block even for an empty deque.
long long emptyDequeBytes() {
  LiveMeter meter;
  std::deque<int> d;
  escape(d);
  return meter();
}

constexpr int kVectorN = 100000;
constexpr std::size_t kStringN = 1 << 20;  // 1 MiB
constexpr int kMapN = 100000;
constexpr int kDequeN = 1000000;

// Footprint of a deque<int> of kDequeN elements after clear().
long long clearedDequeBytes() {
  LiveMeter meter;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  d.clear();
  escape(d);
  return meter();
}

std::vector<int> filledVector() {
  std::vector<int> v(kVectorN, 7);
  escape(v);
  return v;
}

std::string longString() {
  std::string s(kStringN, 'x');
  escape(s);
  return s;
}

std::unordered_map<int, int> filledUnorderedMap() {
  std::unordered_map<int, int> m;
  for (int i = 0; i < kMapN; ++i)
    m.emplace(i, i);
  escape(m);
  return m;
}

} // namespace

// ---------------------------------------------------------------------------
// Sanity check of the counting allocator itself.
// ---------------------------------------------------------------------------

TEST(Allocator, CountsLiveBytesOfEveryVariant) {
  LiveMeter meter;
  void *a = ::operator new(1000);
  void *b = ::operator new[](2000);
  void *c = ::operator new(3000, std::align_val_t{256});
  void *d = ::operator new(4000, std::nothrow);
  EXPECT_EQ(meter(), 10000);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(c) % 256, 0u);
  ::operator delete(a, 1000);
  ::operator delete[](b);
  ::operator delete(c, 3000, std::align_val_t{256});
  ::operator delete(d, std::nothrow);
  EXPECT_EQ(meter(), 0);
  EXPECT_EQ(g_size_mismatches.load(), 0);
}

// ---------------------------------------------------------------------------
// std::vector<int>, 100000 elements (400000 bytes).
// ---------------------------------------------------------------------------

TEST(Vector, AssignEmptyBracesKeepsBuffer) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  v = {};  // operator=(initializer_list) -> assign(), keeps the buffer
  escape(v);
  const long long after = live();
  report("vector v = {}", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_TRUE(v.empty());
  EXPECT_GE(v.capacity(), static_cast<std::size_t>(kVectorN));
  EXPECT_EQ(after, before);
}

TEST(Vector, ClearKeepsBuffer) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  v.clear();
  escape(v);
  const long long after = live();
  report("vector v.clear()", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_GE(v.capacity(), static_cast<std::size_t>(kVectorN));
  EXPECT_EQ(after, before);
}

TEST(Vector, ClearThenShrinkToFitReleases) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  v.clear();
  v.shrink_to_fit();
  escape(v);
  const long long after = live();
  report("vector v.clear(); v.shrink_to_fit()", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_EQ(after, 0);
}

TEST(Vector, AssignDefaultConstructedReleases) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  v = std::vector<int>();
  escape(v);
  const long long after = live();
  report("vector v = std::vector<int>()", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_EQ(after, 0);
}

TEST(Vector, SwapWithEmptyReleases) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  std::vector<int>().swap(v);
  escape(v);
  const long long after = live();
  report("vector std::vector<int>().swap(v)", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_EQ(after, 0);
}

TEST(Vector, ResizeSmallerKeepsBuffer) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  v.resize(10);
  escape(v);
  const long long after = live();
  report("vector v.resize(10)", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(v.size(), 10u);
  EXPECT_GE(v.capacity(), static_cast<std::size_t>(kVectorN));
  EXPECT_EQ(after, before);
}

TEST(Vector, EraseTailKeepsBuffer) {
  LiveMeter live;
  std::vector<int> v = filledVector();
  const long long before = live();
  v.erase(v.begin() + 10, v.end());
  escape(v);
  const long long after = live();
  report("vector v.erase(v.begin()+10, v.end())", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(v.size(), 10u);
  EXPECT_GE(v.capacity(), static_cast<std::size_t>(kVectorN));
  EXPECT_EQ(after, before);
}

// ---------------------------------------------------------------------------
// std::string, 1 MiB long (on the heap; SSO holds at most 15 chars).
// ---------------------------------------------------------------------------

TEST(String, AssignEmptyBracesKeepsBuffer) {
  LiveMeter live;
  std::string s = longString();
  const long long before = live();
  s = {};  // operator=(initializer_list<char>) -> assign(), keeps the buffer
  escape(s);
  const long long after = live();
  report("string s = {}", before, after);
  EXPECT_GT(before, static_cast<long long>(kStringN));
  EXPECT_TRUE(s.empty());
  EXPECT_GE(s.capacity(), kStringN);
  EXPECT_EQ(after, before);
}

TEST(String, ClearKeepsBuffer) {
  LiveMeter live;
  std::string s = longString();
  const long long before = live();
  s.clear();
  escape(s);
  const long long after = live();
  report("string s.clear()", before, after);
  EXPECT_GT(before, static_cast<long long>(kStringN));
  EXPECT_GE(s.capacity(), kStringN);
  EXPECT_EQ(after, before);
}

// Unlike vector, move-assigning an empty string does NOT release: the source
// uses its local (SSO) buffer, so libstdc++ copies its characters into the
// existing heap buffer instead of stealing a pointer.
TEST(String, AssignDefaultConstructedKeepsBuffer) {
  LiveMeter live;
  std::string s = longString();
  const long long before = live();
  s = std::string();
  escape(s);
  const long long after = live();
  report("string s = std::string()", before, after);
  EXPECT_GT(before, static_cast<long long>(kStringN));
  EXPECT_TRUE(s.empty());
  EXPECT_GE(s.capacity(), kStringN);
  EXPECT_EQ(after, before);
}

TEST(String, SwapWithEmptyReleases) {
  LiveMeter live;
  std::string s = longString();
  const long long before = live();
  std::string().swap(s);
  escape(s);
  const long long after = live();
  report("string std::string().swap(s)", before, after);
  EXPECT_GT(before, static_cast<long long>(kStringN));
  EXPECT_LT(s.capacity(), 16u);  // back in the SSO buffer
  EXPECT_EQ(after, 0);
}

TEST(String, ClearThenShrinkToFitReleases) {
  LiveMeter live;
  std::string s = longString();
  const long long before = live();
  s.clear();
  s.shrink_to_fit();
  escape(s);
  const long long after = live();
  report("string s.clear(); s.shrink_to_fit()", before, after);
  EXPECT_GT(before, static_cast<long long>(kStringN));
  EXPECT_LT(s.capacity(), 16u);
  EXPECT_EQ(after, 0);
}

TEST(String, ExchangeWithEmptyReleases) {
  LiveMeter live;
  std::string s = longString();
  const long long before = live();
  std::exchange(s, {});  // the returned (old) value is destroyed right away
  escape(s);
  const long long after = live();
  report("string std::exchange(s, {})", before, after);
  EXPECT_GT(before, static_cast<long long>(kStringN));
  EXPECT_TRUE(s.empty());
  EXPECT_LT(s.capacity(), 16u);
  EXPECT_EQ(after, 0);
}

// ---------------------------------------------------------------------------
// std::unordered_map<int,int>, 100000 entries.  Memory = one node per entry
// plus the bucket array (bucket_count() pointers).  The "single bucket" of an
// empty map lives inside the map object, so a fresh map allocates nothing.
// ---------------------------------------------------------------------------

namespace {
long long bucketBytes(const std::unordered_map<int, int> &m) {
  return static_cast<long long>(m.bucket_count() * sizeof(void *));
}
} // namespace

TEST(UnorderedMap, AssignEmptyBracesKeepsBuckets) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  const std::size_t buckets = m.bucket_count();
  m = {};  // operator=(initializer_list): frees the nodes, "do not shrink"
  escape(m);
  const long long after = live();
  report("unordered_map m = {}", before, after);
  EXPECT_GE(buckets, static_cast<std::size_t>(kMapN));
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.bucket_count(), buckets);
  EXPECT_GE(after, bucketBytes(m));
  EXPECT_LT(after, before / 2);  // the nodes are gone
}

TEST(UnorderedMap, ClearKeepsBuckets) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  const std::size_t buckets = m.bucket_count();
  m.clear();
  escape(m);
  const long long after = live();
  report("unordered_map m.clear()", before, after);
  EXPECT_GE(buckets, static_cast<std::size_t>(kMapN));
  EXPECT_EQ(m.bucket_count(), buckets);
  // Nodes freed; what is left is (about) exactly the bucket array.
  EXPECT_GE(after, bucketBytes(m));
  EXPECT_LE(after, bucketBytes(m) + 64);
  EXPECT_LT(after, before / 2);
}

TEST(UnorderedMap, EraseRangeKeepsBuckets) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  const std::size_t buckets = m.bucket_count();
  m.erase(m.begin(), m.end());
  escape(m);
  const long long after = live();
  report("unordered_map m.erase(m.begin(), m.end())", before, after);
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.bucket_count(), buckets);
  EXPECT_GE(after, bucketBytes(m));
  EXPECT_LE(after, bucketBytes(m) + 64);
  EXPECT_LT(after, before / 2);
}

TEST(UnorderedMap, EraseOneByOneKeepsBuckets) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  const std::size_t buckets = m.bucket_count();
  for (auto it = m.begin(); it != m.end();)
    it = m.erase(it);
  escape(m);
  const long long after = live();
  report("unordered_map erase-one-by-one loop", before, after);
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m.bucket_count(), buckets);
  EXPECT_GE(after, bucketBytes(m));
  EXPECT_LE(after, bucketBytes(m) + 64);
  EXPECT_LT(after, before / 2);
}

TEST(UnorderedMap, AssignDefaultConstructedReleases) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  m = std::unordered_map<int, int>();
  escape(m);
  const long long after = live();
  report("unordered_map m = std::unordered_map<int,int>()", before, after);
  EXPECT_GE(before, kMapN * 16LL);
  EXPECT_LE(m.bucket_count(), 13u);
  EXPECT_EQ(after, 0);
}

TEST(UnorderedMap, SwapWithEmptyReleases) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  std::unordered_map<int, int>().swap(m);
  escape(m);
  const long long after = live();
  report("unordered_map std::unordered_map<int,int>().swap(m)", before,
         after);
  EXPECT_GE(before, kMapN * 16LL);
  EXPECT_LE(m.bucket_count(), 13u);
  EXPECT_EQ(after, 0);
}

TEST(UnorderedMap, ClearThenRehashZeroReleases) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  m.clear();
  m.rehash(0);
  escape(m);
  const long long after = live();
  report("unordered_map m.clear(); m.rehash(0)", before, after);
  EXPECT_GE(before, kMapN * 16LL);
  EXPECT_LE(m.bucket_count(), 13u);
  EXPECT_LE(after, 128);  // a handful of buckets at most
}

// Observed on libstdc++ 12: reserve(n) is rehash(ceil(n / max_load_factor())),
// so reserve(0) on an empty map behaves exactly like rehash(0): the bucket
// array shrinks to the smallest prime (2 buckets, 16 bytes) — it RELEASES.
TEST(UnorderedMap, ClearThenReserveZeroReleases) {
  LiveMeter live;
  auto m = filledUnorderedMap();
  const long long before = live();
  m.clear();
  m.reserve(0);
  escape(m);
  const long long after = live();
  report("unordered_map m.clear(); m.reserve(0)", before, after);
  EXPECT_GE(before, kMapN * 16LL);
  EXPECT_LE(m.bucket_count(), 13u);
  EXPECT_LE(after, 128);
}

// ---------------------------------------------------------------------------
// std::deque<int>, 1000000 elements.  libstdc++ stores elements in 512-byte
// blocks (128 ints) reached through a "map" array of block pointers; a
// default-constructed deque already holds an 8-pointer map and one block.
// ---------------------------------------------------------------------------

TEST(Deque, ClearFreesBlocksKeepsMap) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  const long long before = live();
  d.clear();
  escape(d);
  const long long after = live();
  report("deque d.clear()", before, after);
  std::printf("[ fact ] deque empty footprint: %lld\n", empty);
  EXPECT_GE(before, kDequeN * static_cast<long long>(sizeof(int)));
  EXPECT_GT(after, 0);
  EXPECT_LT(after, before / 10);  // the blocks are gone ...
  // ... but the map sized for 1000000 elements (~7800 pointers) stays.
  const long long mapBytes =
      static_cast<long long>(kDequeN / 128 * sizeof(void *));
  EXPECT_GE(after, mapBytes);
  EXPECT_GT(after, empty);
}

// libstdc++'s deque::shrink_to_fit() only does anything when there is unused
// room of at least one block at the front of the first block plus the back of
// the last one, AND the front offset is non-zero (see _M_shrink_to_fit). After
// clear() of a deque that was never popped at the front, the front offset is
// 0, so shrink_to_fit() is a no-op and the big map stays.
TEST(Deque, ClearThenShrinkToFitKeepsMap) {
  LiveMeter live;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  const long long before = live();
  d.clear();
  escape(d);
  const long long afterClear = live();
  d.shrink_to_fit();
  escape(d);
  const long long after = live();
  report("deque d.clear(); d.shrink_to_fit()", before, after);
  EXPECT_LT(afterClear, before / 10);
  EXPECT_EQ(after, afterClear);
  EXPECT_GT(after, emptyDequeBytes());
}

// Companion to the previous test: the no-op depends on where the first
// element sat.  If the front was popped first (front offset > 0),
// shrink_to_fit() after clear() does rebuild the deque and frees the big map.
TEST(Deque, ClearThenShrinkToFitAfterPopFrontReleasesMap) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  const long long before = live();
  d.pop_front();
  d.clear();
  escape(d);
  const long long afterClear = live();
  d.shrink_to_fit();
  escape(d);
  const long long after = live();
  report("deque d.pop_front(); d.clear(); d.shrink_to_fit()", before, after);
  EXPECT_GT(afterClear, empty);
  EXPECT_EQ(after, empty);
}

TEST(Deque, SwapWithEmptyReleases) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  const long long before = live();
  std::deque<int>().swap(d);
  escape(d);
  const long long after = live();
  report("deque std::deque<int>().swap(d)", before, after);
  EXPECT_GE(before, kDequeN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(after, empty);
}

// Observed: move assignment (std::allocator always compares equal) swaps the
// representations and the temporary, which now owns the old map and blocks,
// is destroyed — d ends with an empty deque's footprint.  It RELEASES.
TEST(Deque, AssignDefaultConstructedReleases) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  const long long before = live();
  d = std::deque<int>();
  escape(d);
  const long long after = live();
  report("deque d = std::deque<int>()", before, after);
  EXPECT_GE(before, kDequeN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(after, empty);
}

// Observed: pop_front() frees each block as soon as it is emptied, but the map
// is never shrunk; the end state is the same as after clear(): the big map
// plus the one block holding the (empty) position.
TEST(Deque, PopFrontAllFreesBlocksKeepsMap) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::deque<int> d(kDequeN, 7);
  escape(d);
  const long long before = live();
  while (!d.empty())
    d.pop_front();
  escape(d);
  const long long after = live();
  report("deque pop_front() until empty", before, after);
  EXPECT_GE(before, kDequeN * static_cast<long long>(sizeof(int)));
  EXPECT_LT(after, before / 10);
  EXPECT_GT(after, empty);
  // Same footprint as clear() on an identically built deque.
  EXPECT_EQ(after, clearedDequeBytes());
}

// ---------------------------------------------------------------------------
// Container adaptors.
// ---------------------------------------------------------------------------

TEST(Adaptor, QueueAssignEmptyBracesReleases) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::queue<int> q;
  for (int i = 0; i < kDequeN; ++i)
    q.push(i);
  escape(q);
  const long long before = live();
  q = {};  // queue has no initializer_list assignment: this is move-assign
  escape(q);
  const long long after = live();
  report("queue q = {}", before, after);
  EXPECT_GE(before, kDequeN * static_cast<long long>(sizeof(int)));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(after, empty);
}

TEST(Adaptor, PriorityQueuePopAllKeepsCapacity) {
  LiveMeter live;
  std::priority_queue<int> pq;
  for (int i = 0; i < kVectorN; ++i)
    pq.push(i);
  escape(pq);
  const long long before = live();
  while (!pq.empty())
    pq.pop();
  escape(pq);
  const long long after = live();
  report("priority_queue pop() until empty", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(after, before);
}

TEST(Adaptor, PriorityQueueAssignEmptyBracesReleases) {
  LiveMeter live;
  std::priority_queue<int> pq;
  for (int i = 0; i < kVectorN; ++i)
    pq.push(i);
  while (!pq.empty())
    pq.pop();
  escape(pq);
  const long long before = live();
  pq = {};  // move-assign from a value-initialized priority_queue
  escape(pq);
  const long long after = live();
  report("priority_queue (popped empty) pq = {}", before, after);
  EXPECT_GE(before, kVectorN * static_cast<long long>(sizeof(int)));
  EXPECT_EQ(after, 0);
}

TEST(Adaptor, StackPopAllFreesBlocksKeepsMap) {
  const long long empty = emptyDequeBytes();
  LiveMeter live;
  std::stack<int> s;
  for (int i = 0; i < kDequeN; ++i)
    s.push(i);
  escape(s);
  const long long before = live();
  while (!s.empty())
    s.pop();
  escape(s);
  const long long after = live();
  report("stack<int> pop() until empty", before, after);
  EXPECT_GE(before, kDequeN * static_cast<long long>(sizeof(int)));
  EXPECT_LT(after, before / 10);  // blocks freed
  // The map, grown by push() to ~20000 block pointers (~160 KB), stays.
  EXPECT_GE(after, static_cast<long long>(kDequeN / 128 * sizeof(void *)));
  EXPECT_GT(after, empty);
}

// ---------------------------------------------------------------------------
// Node-based containers: nothing is kept once they are empty (the list and
// tree headers live inside the container object).
// ---------------------------------------------------------------------------

TEST(NodeContainer, MapClearFreesEverything) {
  LiveMeter live;
  std::map<int, int> m;
  for (int i = 0; i < kMapN; ++i)
    m.emplace_hint(m.end(), i, i);
  escape(m);
  const long long before = live();
  m.clear();
  escape(m);
  const long long after = live();
  report("map m.clear()", before, after);
  EXPECT_GE(before, kMapN * 40LL);
  EXPECT_EQ(after, 0);
}

TEST(NodeContainer, MapEraseOneByOneFreesEverything) {
  LiveMeter live;
  std::map<int, int> m;
  for (int i = 0; i < kMapN; ++i)
    m.emplace_hint(m.end(), i, i);
  escape(m);
  const long long before = live();
  for (auto it = m.begin(); it != m.end();)
    it = m.erase(it);
  escape(m);
  const long long after = live();
  report("map erase-one-by-one loop", before, after);
  EXPECT_GE(before, kMapN * 40LL);
  EXPECT_EQ(after, 0);
}

TEST(NodeContainer, SetClearFreesEverything) {
  LiveMeter live;
  std::set<int> s;
  for (int i = 0; i < kMapN; ++i)
    s.insert(s.end(), i);
  escape(s);
  const long long before = live();
  s.clear();
  escape(s);
  const long long after = live();
  report("set s.clear()", before, after);
  EXPECT_GE(before, kMapN * 36LL);
  EXPECT_EQ(after, 0);
}

TEST(NodeContainer, SetEraseOneByOneFreesEverything) {
  LiveMeter live;
  std::set<int> s;
  for (int i = 0; i < kMapN; ++i)
    s.insert(s.end(), i);
  escape(s);
  const long long before = live();
  for (auto it = s.begin(); it != s.end();)
    it = s.erase(it);
  escape(s);
  const long long after = live();
  report("set erase-one-by-one loop", before, after);
  EXPECT_GE(before, kMapN * 36LL);
  EXPECT_EQ(after, 0);
}

TEST(NodeContainer, ListClearFreesEverything) {
  LiveMeter live;
  std::list<int> l(kMapN, 7);
  escape(l);
  const long long before = live();
  l.clear();
  escape(l);
  const long long after = live();
  report("list l.clear()", before, after);
  EXPECT_GE(before, kMapN * 20LL);
  EXPECT_EQ(after, 0);
}

TEST(NodeContainer, ListEraseOneByOneFreesEverything) {
  LiveMeter live;
  std::list<int> l(kMapN, 7);
  escape(l);
  const long long before = live();
  for (auto it = l.begin(); it != l.end();)
    it = l.erase(it);
  escape(l);
  const long long after = live();
  report("list erase-one-by-one loop", before, after);
  EXPECT_GE(before, kMapN * 20LL);
  EXPECT_EQ(after, 0);
}
