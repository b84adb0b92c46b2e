#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct Message {
  std::uint64_t Topic = 0;
  std::string Body;
};

struct Handler {
  std::function<void(const Message &)> OnMessage;
  std::vector<char> Scratch = std::vector<char>(64 * 1024);
};

// Queues messages for a batch, delivers them, empties itself, repeats.
class MessageBus {
public:
  void publish(const std::vector<Message> &Batch);
  void deliver();
  void subscribe(std::uint64_t Topic, std::shared_ptr<Handler> H);
  void unsubscribeLast();
  void resetTopics();

private:
  std::vector<Message> Pending;
  std::unordered_map<std::uint64_t, std::size_t> TopicCounts;
  std::shared_ptr<Handler> Handlers[64];
  std::size_t HandlerCount = 0;
};
