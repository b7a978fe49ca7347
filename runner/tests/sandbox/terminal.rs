//! A command under a pseudo-terminal, as a learner runs it: what `watch`
//! and `interview` are tested with.
#![cfg(unix)]

use std::fs::File;
use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::pty::{Winsize, openpty};
use nix::sys::termios::{LocalFlags, tcgetattr};

/// A `cargo kata` command, its stdin, stdout and stderr on a
/// pseudo-terminal whose other end we type into and read.
pub struct Terminal {
    pub child: Child,
    pub keyboard: File,
    /// Everything it printed so far.
    pub screen: Arc<Mutex<String>>,
}

impl Terminal {
    pub fn start(mut command: Command) -> Terminal {
        let size = Winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let pty = openpty(&size, None).unwrap();
        // openpty's descriptors would be inherited by every process started
        // from now on; their duplicates are closed on exec.
        let (master, slave) = (
            pty.master.try_clone().unwrap(),
            pty.slave.try_clone().unwrap(),
        );
        drop(pty);
        command
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        let child = command.spawn().unwrap();
        // Our copies of the slave go with the command: once the child has
        // exited, reading the master ends.
        drop(command);

        let mut master = File::from(master);
        let keyboard = master.try_clone().unwrap();
        let screen = Arc::new(Mutex::new(String::new()));
        let shared = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n @ 1..) = master.read(&mut buffer) {
                let text = String::from_utf8_lossy(&buffer[..n]);
                shared.lock().unwrap().push_str(&text);
            }
        });
        Terminal {
            child,
            keyboard,
            screen,
        }
    }

    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().clone()
    }

    /// Waits until what was printed satisfies `done`; panics, showing it,
    /// after `limit`.
    pub fn wait_for(&mut self, what: &str, limit: Duration, done: impl Fn(&str) -> bool) {
        let started = Instant::now();
        while !done(&self.screen()) {
            if started.elapsed() > limit {
                let _ = self.child.kill();
                panic!(
                    "no {what} after {} s; the terminal shows:\n{}",
                    limit.as_secs(),
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits until the command waits for keys: in raw mode. (Typed sooner,
    /// keys would wait for a check to end, and a Ctrl-C would be a signal
    /// to nobody, since this terminal is not the child's controlling one.)
    pub fn until_idle(&self) {
        let started = Instant::now();
        while !self.raw() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "it never waited for keys:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn press(&mut self, keys: &[u8]) {
        self.until_idle();
        self.keyboard.write_all(keys).unwrap();
    }

    /// Whether the terminal is in its usual line mode (a pty's master reads
    /// and sets its slave's modes).
    pub fn canonical(&self) -> bool {
        self.modes().contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Whether it is in raw mode, where Ctrl-C is a key: watch waits for one.
    pub fn raw(&self) -> bool {
        !self.modes().contains(LocalFlags::ISIG)
    }

    /// Whether it is in watch's quiet mode, as during a check: no echo, but
    /// Ctrl-C is a signal.
    pub fn quiet(&self) -> bool {
        let modes = self.modes();
        modes.contains(LocalFlags::ISIG) && !modes.contains(LocalFlags::ECHO)
    }

    pub fn modes(&self) -> LocalFlags {
        tcgetattr(&self.keyboard).unwrap().local_flags
    }

    pub fn exits_within(&mut self, limit: Duration) -> ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if started.elapsed() > limit {
                let _ = self.child.kill();
                panic!("still running after {limit:?}:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
