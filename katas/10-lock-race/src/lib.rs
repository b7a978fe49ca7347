//! Kata 10: lock-race (to be written)
