// FIX-CHECKS: highwater-retained-past-end
// A popped session must die: after the fix, its last owner is gone.
#include <cstdio>
#include <memory>
#include <string>

struct Session {
  std::string Name;
};

class SessionStack {
public:
  void push(std::shared_ptr<Session> S) { Items[Count++] = std::move(S); }
  void pop() {
    --Count;
  }

private:
  std::shared_ptr<Session> Items[8];
  int Count = 0;
};

int main() {
  SessionStack Stack;
  auto S = std::make_shared<Session>();
  std::weak_ptr<Session> Watch = S;
  Stack.push(std::move(S));
  Stack.pop();
  std::puts(Watch.expired() ? "released" : "retained");
}
