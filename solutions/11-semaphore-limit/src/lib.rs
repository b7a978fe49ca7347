//! Kata 11: semaphore-limit (to be written)
