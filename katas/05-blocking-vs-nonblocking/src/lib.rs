//! Kata 05: blocking-vs-nonblocking (to be written)
