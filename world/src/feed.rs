//! A feed of messages arriving on a channel, each read in two parts, for
//! the kata on cancel-safety in a `select!` loop.
//!
//! A producer task sends frames at given instants, each drawn as a note
//! on the row `feed` ("m1 arrives"). Reading a message is two awaits:
//! [`Feed::recv_frame`] takes the next frame off the channel (it waits
//! for one), and [`Frame::decode`] reads its body, which takes 100 ms and
//! is drawn as a span on the row `decode(m1)`. [`Feed::next_message`]
//! does both in one call.
//!
//! `recv_frame` is cancel-safe: it is `mpsc::Receiver::recv`, so a call
//! dropped before it returns has taken nothing. `next_message` is not: once
//! its frame is off the channel, dropping the call mid-decode drops the
//! frame with it. The message is lost, and its `decode` span ends in `x`.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, mpsc};
use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// How long decoding a frame's body takes.
pub const DECODE_TIME: Duration = Duration::from_millis(100);

/// The receiving end of the feed. Cheap to clone: clones read the same
/// channel, so one can move into a task of its own. Every method takes
/// `&self`, so a future from [`Feed::next_message`] can be kept (pinned)
/// across the turns of a loop while the loop creates another.
#[derive(Clone)]
pub struct Feed {
    frames: Arc<Mutex<mpsc::Receiver<Frame>>>,
}

/// A message taken off the channel whose body is not read yet. Dropping it
/// loses the message.
pub struct Frame {
    world: World,
    text: String,
}

impl Feed {
    /// Starts a producer task that sends message `text` at each instant
    /// `at` (from now), in the order given, and then closes the feed: after
    /// the last frame, [`Feed::recv_frame`] answers `None`.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime.
    pub fn start(world: &World, arrivals: &[(Duration, &str)]) -> Feed {
        let (tx, rx) = mpsc::channel(arrivals.len().max(1));
        let arrivals: Vec<(Duration, String)> = arrivals
            .iter()
            .map(|(at, text)| (*at, (*text).to_owned()))
            .collect();
        let producer = world.clone();
        let start = tokio::time::Instant::now();
        tokio::spawn(async move {
            for (at, text) in arrivals {
                tokio::time::sleep_until(start + at).await;
                producer.note("feed", format!("{text} arrives"));
                let frame = Frame {
                    world: producer.clone(),
                    text,
                };
                if tx.send(frame).await.is_err() {
                    return;
                }
            }
        });
        Feed {
            frames: Arc::new(Mutex::new(rx)),
        }
    }

    /// Takes the next frame off the channel, waiting for one; `None` once
    /// the feed is closed and drained. Cancel-safe: dropped before it
    /// returns, it has taken nothing. (Dropped while waiting for the lock
    /// that lets clones share the receiver, it loses only its place in that
    /// lock's queue, never a frame.)
    pub async fn recv_frame(&self) -> Option<Frame> {
        self.frames.lock().await.recv().await
    }

    /// The next message, decoded: [`Feed::recv_frame`], then
    /// [`Frame::decode`]. **Not cancel-safe**: dropped while decoding, it
    /// has taken the frame off the channel and loses it.
    pub async fn next_message(&self) -> Option<String> {
        let frame = self.recv_frame().await?;
        Some(frame.decode().await)
    }
}

impl Frame {
    /// Reads the frame's body (100 ms) and answers its message.
    pub async fn decode(self) -> String {
        let span = self
            .world
            .span(&format!("decode({})", self.text), "", Fill::Work);
        sleep(DECODE_TIME).await;
        span.end(Some(&self.text));
        self.text
    }

    /// The message, before its body is read.
    pub fn text(&self) -> &str {
        &self.text
    }
}
