//! The learner's terminal while `watch` runs, and giving it back.
//!
//! `watch` keeps the terminal in one of two modes of its own:
//!
//! - **quiet** while it checks, hints or lists: keys are not echoed, so a
//!   key pressed during a check does not land in the middle of its output.
//!   Nor do they wait for Enter: the key reader gets them at once, and
//!   `watch` acts on them when the check is done. Output and Ctrl-C work as
//!   usual, so Ctrl-C still stops a long build.
//! - **raw** while it waits for a key ([`Raw`], crossterm's raw mode): no
//!   echo, no line buffering, Ctrl-C is a key.
//!
//! Both are guards that put back what was there before when dropped. And
//! because Ctrl-C exits without running destructors, [`restore`] puts the
//! terminal back as `watch` found it, for the Ctrl-C handler to call.

use std::io::{self, Write};

use anyhow::{Context, Result};
use crossterm::terminal;

/// Quiet mode, for as long as this lives.
pub struct Quiet;

impl Quiet {
    pub fn on() -> Result<Quiet> {
        #[cfg(unix)]
        unix::quiet().context("cannot turn off the terminal's echo")?;
        Ok(Quiet)
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        #[cfg(unix)]
        unix::restore();
    }
}

/// Raw mode, for as long as this lives.
pub struct Raw;

impl Raw {
    pub fn on() -> Result<Raw> {
        // Whatever was printed must show before the keys take over.
        io::stdout().flush()?;
        terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        Ok(Raw)
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        // Back to the mode raw mode was turned on in: quiet.
        let _ = terminal::disable_raw_mode();
    }
}

/// Puts the terminal back as it was before `watch` changed it; nothing if
/// it did not.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    #[cfg(unix)]
    unix::restore();
}

#[cfg(unix)]
mod unix {
    use std::sync::Mutex;

    use nix::sys::termios::{self, LocalFlags, SetArg, SpecialCharacterIndices, Termios};

    /// The modes quiet mode replaced, until they are put back.
    static BEFORE: Mutex<Option<Termios>> = Mutex::new(None);

    pub fn quiet() -> nix::Result<()> {
        let stdin = std::io::stdin();
        let before = termios::tcgetattr(&stdin)?;
        let mut quiet = before.clone();
        quiet
            .local_flags
            .remove(LocalFlags::ECHO | LocalFlags::ICANON);
        // Without line buffering, a read waits for one byte, however long.
        quiet.control_chars[SpecialCharacterIndices::VMIN as usize] = 1;
        quiet.control_chars[SpecialCharacterIndices::VTIME as usize] = 0;
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &quiet)?;
        let mut saved = BEFORE.lock().unwrap_or_else(|e| e.into_inner());
        saved.get_or_insert(before);
        Ok(())
    }

    pub fn restore() {
        let saved = BEFORE.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(before) = saved {
            let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, &before);
        }
    }
}
