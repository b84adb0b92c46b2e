// RUN: %check_highwater %s highwater-retained-past-end %t -- -- -std=c++20
// RUN: %check_highwater -check-suffixes=AUDIT %s highwater-retained-past-end %t -- -config="{CheckOptions: {highwater-retained-past-end.Mode: audit, highwater-retained-past-end.ReportStalePointers: false, highwater-retained-past-end.ReportPlainValues: true}}" -- -std=c++20
// RUN: %check_highwater -check-suffixes=,BADOPT %s highwater-retained-past-end %t -- -config="{CheckOptions: {highwater-retained-past-end.ReportStalePointers: maybe}}" -- -std=c++20

// A value that is not a bool is named with its check's prefix, and the
// option keeps its default.
// CHECK-MESSAGES-BADOPT: warning: invalid configuration value 'maybe' for option 'highwater-retained-past-end.ReportStalePointers'; expected a bool [clang-tidy-config]

#include <algorithm>
#include <any>
#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct Session {
  std::string Name;
};
struct Point {
  double X, Y, Z;
};
struct Holder {
  std::unique_ptr<Session> Owned;
};

// ---- A stack of owning pointers over a C array ------------------------------

class SessionStack {
public:
  void push(std::shared_ptr<Session> S) { Items[Count++] = std::move(S); }

  void pop() {
    --Count;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '--Count' moves the logical end of 'Items' back without resetting the vacated slot: the 'std::shared_ptr<Session>' left there keeps its 'Session' alive; reset it with 'Items[Count].reset();' [highwater-retained-past-end]
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: '--Count' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    --Count; Items[Count].reset();{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    --Count; Items[Count].reset();{{$}}
  }

  void popPostfix() {
    Count--;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Count--' moves the logical end of 'Items' back without resetting the vacated slot
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: 'Count--' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    Count--; Items[Count].reset();{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    Count--; Items[Count].reset();{{$}}
  }

  void clear() {
    Count = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Count = 0' moves the logical end of 'Items' back without resetting the vacated slots: the 'std::shared_ptr<Session>' objects left there keep what they own alive; reset them first with 'for (decltype(Count) I = 0; I < Count; ++I) Items[I].reset();'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: 'Count = 0' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    for (decltype(Count) I = 0; I < Count; ++I) Items[I].reset(); Count = 0;{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    for (decltype(Count) I = 0; I < Count; ++I) Items[I].reset(); Count = 0;{{$}}
  }

  void drop(std::size_t K) {
    Count -= K;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Count -= K' moves the logical end of 'Items' back without resetting the vacated slots
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: 'Count -= K' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    for (decltype(Count) I = Count - (K); I < Count; ++I) Items[I].reset(); Count -= K;{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    for (decltype(Count) I = Count - (K); I < Count; ++I) Items[I].reset(); Count -= K;{{$}}
  }

  void removeAt(std::size_t I) {
    std::swap(Items[I], Items[Count - 1]);
    --Count;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '--Count' moves the logical end of 'Items' back without resetting the vacated slot
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: '--Count' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    --Count; Items[Count].reset();{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    --Count; Items[Count].reset();{{$}}
  }

  void truncateTo(std::size_t N) {
    Count = std::min(Count, N);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Count = std::min(Count, N)' moves the logical end of 'Items' back without resetting the vacated slots
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: 'Count = std::min(Count, N)' moves the logical end of 'Items' back
    // CHECK-FIXES: {{^}}    for (decltype(Count) I = std::min(Count, N); I < Count; ++I) Items[I].reset(); Count = std::min(Count, N);{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    for (decltype(Count) I = std::min(Count, N); I < Count; ++I) Items[I].reset(); Count = std::min(Count, N);{{$}}
  }

  std::shared_ptr<Session> popAndReturn() {
    return Items[--Count];
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: '--Count' moves the logical end of 'Items' back without resetting the vacated slot
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:18: warning: '--Count' moves the logical end of 'Items' back
  }

  // ---- Negatives: the slot is reset --------------------------------------

  void popReset() {
    --Count;
    Items[Count].reset();
  }
  void popNull() {
    Items[Count - 1] = nullptr;
    --Count;
  }
  std::shared_ptr<Session> popMoved() { return std::move(Items[--Count]); }
  void clearFilled() {
    std::fill(Items, Items + Count, nullptr);
    Count = 0;
  }
  void clearLoop() {
    for (std::size_t I = 0; I < Count; ++I)
      Items[I] = {};
    Count = 0;
  }
  void popViaHelper() {
    --Count;
    resetSlot(Count);
  }

  SessionStack() { Count = 0; }

private:
  void resetSlot(std::size_t I) { Items[I] = std::shared_ptr<Session>(); }
  std::shared_ptr<Session> Items[64];
  std::size_t Count = 0;
};

// ---- Element types of every severity ----------------------------------------

class Slots {
public:
  void add(Session *S, std::string T, std::function<void()> F, Holder H,
           std::weak_ptr<Session> W, Point P, std::any A,
           std::optional<std::string> O) {
    Raw[N] = S;
    Texts[N] = std::move(T);
    Callbacks[N] = std::move(F);
    Holders[N] = std::move(H);
    Weak[N] = std::move(W);
    Points[N] = P;
    Anys[N] = std::move(A);
    Optionals[N] = std::move(O);
    ++N;
  }
  void pop() {
    --N;
    // Diagnostics at one place come sorted by message.
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: '--N' moves the logical end of 'Anys' back without resetting the vacated slot: the 'std::any' left there keeps its contents alive; reset it with 'Anys[N].reset();'
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: '--N' moves the logical end of 'Callbacks' back without resetting the vacated slot: the 'std::function<void ()>' left there keeps its captures alive; reset it with 'Callbacks[N] = nullptr;'
    // CHECK-MESSAGES: :[[@LINE-4]]:5: warning: '--N' moves the logical end of 'Holders' back without resetting the vacated slot: the 'Holder' left there keeps what its 'Holder' owns alive; reset it with 'Holders[N] = {};'
    // CHECK-MESSAGES: :[[@LINE-5]]:5: warning: '--N' moves the logical end of 'Optionals' back without resetting the vacated slot: the 'std::optional<std::string>' left there keeps its heap storage alive; reset it with 'Optionals[N].reset();'
    // CHECK-MESSAGES: :[[@LINE-6]]:5: warning: '--N' moves the logical end of 'Raw' back without resetting the vacated slot: a stale 'Session *' survives past the logical end; reset it with 'Raw[N] = nullptr;'
    // CHECK-MESSAGES: :[[@LINE-7]]:5: warning: '--N' moves the logical end of 'Texts' back without resetting the vacated slot: the 'std::string' left there keeps its heap storage alive; reset it with '(void)std::exchange(Texts[N], {});'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-8]]:5: warning: '--N' moves the logical end of 'Anys' back
    // CHECK-MESSAGES-AUDIT: :[[@LINE-9]]:5: warning: '--N' moves the logical end of 'Callbacks' back
    // CHECK-MESSAGES-AUDIT: :[[@LINE-10]]:5: warning: '--N' moves the logical end of 'Holders' back
    // CHECK-MESSAGES-AUDIT: :[[@LINE-11]]:5: warning: '--N' moves the logical end of 'Optionals' back
    // CHECK-MESSAGES-AUDIT: :[[@LINE-12]]:5: warning: '--N' moves the logical end of 'Points' back without resetting the vacated slot: the 'Point' left there is kept past the logical end; reset it with 'Points[N] = {};'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-13]]:5: warning: '--N' moves the logical end of 'Texts' back
    // CHECK-MESSAGES-AUDIT: :[[@LINE-14]]:5: warning: '--N' moves the logical end of 'Weak' back without resetting the vacated slot: the 'std::weak_ptr<Session>' left there keeps their control block allocated; reset it with 'Weak[N].reset();'
    // CHECK-FIXES: {{^}}    --N; Anys[N].reset(); Callbacks[N] = nullptr; Holders[N] = {}; Optionals[N].reset(); Raw[N] = nullptr;{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    --N; Anys[N].reset(); Callbacks[N] = nullptr; Holders[N] = {}; Optionals[N].reset(); Points[N] = {}; Weak[N].reset();{{$}}
  }

private:
  std::array<Session *, 8> Raw{};
  std::string Texts[8];
  std::function<void()> Callbacks[8];
  Holder Holders[8];
  std::weak_ptr<Session> Weak[8];
  Point Points[8];
  std::any Anys[8];
  std::optional<std::string> Optionals[8];
  int N = 0;
};

// ---- A vector with its own logical end, and a global ------------------------

std::vector<std::unique_ptr<Session>> Pool(32);
int PoolSize = 0;

void poolAdd(std::unique_ptr<Session> S) { Pool[PoolSize++] = std::move(S); }
void poolShrink() {
  PoolSize = PoolSize - 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PoolSize = PoolSize - 2' moves the logical end of 'Pool' back without resetting the vacated slots
  // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:3: warning: 'PoolSize = PoolSize - 2' moves the logical end of 'Pool' back
  // CHECK-FIXES: {{^}}  for (decltype(PoolSize) I = PoolSize - 2; I < PoolSize; ++I) Pool[I].reset(); PoolSize = PoolSize - 2;{{$}}
  // CHECK-FIXES-AUDIT: {{^}}  for (decltype(PoolSize) I = PoolSize - 2; I < PoolSize; ++I) Pool[I].reset(); PoolSize = PoolSize - 2;{{$}}
}

// ---- A ring buffer ----------------------------------------------------------

class TaskRing {
public:
  void put(std::function<void()> F) {
    Slots[Tail] = std::move(F);
    Tail = (Tail + 1) % 16;
  }
  void runOne() {
    Slots[Head]();
    Head = (Head + 1) % 16;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Head = (Head + 1) % 16' advances past a slot of 'Slots' without resetting it: the 'std::function<void ()>' left there keeps its captures alive; reset it with 'Slots[Head] = nullptr;' before advancing
    // CHECK-MESSAGES-AUDIT: :[[@LINE-2]]:5: warning: 'Head = (Head + 1) % 16' advances past a slot of 'Slots'
    // CHECK-FIXES: {{^}}    Slots[Head] = nullptr; Head = (Head + 1) % 16;{{$}}
    // CHECK-FIXES-AUDIT: {{^}}    Slots[Head] = nullptr; Head = (Head + 1) % 16;{{$}}
  }
  void runOneMoved() {
    auto F = std::move(Slots[Head]);
    Slots[Head] = nullptr;
    Head = (Head + 1) & 15;
    F();
  }

private:
  std::function<void()> Slots[16];
  unsigned Head = 0, Tail = 0;
};

// A read cursor over data that stays: not a logical end.
class Tokens {
public:
  const std::string &next() { return Words[Pos++]; }
  void unget() { --Pos; }

private:
  std::vector<std::string> Words;
  std::size_t Pos = 0;
};

// ---- remove_if kept as a logical end ---------------------------------------

class Live {
public:
  void prune() {
    auto End = std::remove_if(Items.begin(), Items.end(),
                              [](const std::shared_ptr<Session> &S) { return !S; });
    // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: the result of 'std::remove_if' is kept as the logical end of 'Items' but the tail past it is never erased: the 'std::shared_ptr<Session>' objects left there keep what they own alive; erase it with 'Items.erase(<new end>, Items.end())'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-3]]:16: warning: the result of 'std::remove_if' is kept as the logical end of 'Items'
    LiveCount = End - Items.begin();
  }
  void partitionEnd() {
    LiveEnd = std::partition(Items.begin(), Items.end(),
                             [](const std::shared_ptr<Session> &S) { return S != nullptr; });
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: the result of 'std::partition' is kept as the logical end of 'Items'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-3]]:15: warning: the result of 'std::partition' is kept as the logical end of 'Items'
  }
  void pruneRanges() {
    auto Tail = std::ranges::remove_if(
        Items, [](const std::shared_ptr<Session> &S) { return !S; });
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: the result of 'std::ranges::remove_if' is kept as the logical end of 'Items'
    // CHECK-MESSAGES-AUDIT: :[[@LINE-3]]:17: warning: the result of 'std::ranges::remove_if' is kept as the logical end of 'Items'
    LiveCount = Tail.begin() - Items.begin();
  }
  void pruneErased() {
    Items.erase(std::remove_if(Items.begin(), Items.end(),
                               [](const std::shared_ptr<Session> &S) { return !S; }),
                Items.end());
    auto End = std::unique(Items.begin(), Items.end());
    Items.erase(End, Items.end());
  }
  void localOnly() {
    auto End = std::remove(Items.begin(), Items.end(), nullptr);
    (void)End;
  }

private:
  std::vector<std::shared_ptr<Session>> Items;
  std::ptrdiff_t LiveCount = 0;
  std::vector<std::shared_ptr<Session>>::iterator LiveEnd;
};

// ---- Plain values: only when asked ------------------------------------------

class Numbers {
public:
  void add(int V) { Values[Size++] = V; }
  void pop() { --Size; }
  // CHECK-MESSAGES-AUDIT: :[[@LINE-1]]:16: warning: '--Size' moves the logical end of 'Values' back without resetting the vacated slot: the 'int' left there is kept past the logical end; reset it with 'Values[Size] = {};'
  // CHECK-FIXES-AUDIT: {{^}}  void pop() { --Size; Values[Size] = {}; }{{$}}

private:
  int Values[10];
  int Size = 0;
};

// ---- Templates and macros -----------------------------------------------------

template <typename T> class Stack {
public:
  void push(T V) { Data[Top++] = std::move(V); }
  void pop() { --Top; }
  // No fix: the reset would differ between Stack<int> and Stack<unique_ptr>.
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: '--Top' moves the logical end of 'Data' back without resetting the vacated slot: the 'std::unique_ptr<Session>' left there keeps its 'Session' alive; reset it with 'Data[Top].reset();'
  // CHECK-MESSAGES-AUDIT: :[[@LINE-3]]:16: warning: '--Top' moves the logical end of 'Data' back

private:
  T Data[4];
  int Top = 0;
};
template class Stack<std::unique_ptr<Session>>;
template class Stack<int>;

#define POP(N) --(N)

class MacroPop {
public:
  void add(Session *S) { Items[Count++] = S; }
  void pop() { POP(Count); }
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: '--Count' moves the logical end of 'Items' back
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: not fixed automatically
private:
  Session *Items[4];
  int Count = 0;
};
