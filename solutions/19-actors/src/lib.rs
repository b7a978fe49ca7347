//! # Kata 19: actors (the reference answer)
//!
//! > Share state without a lock: build an actor. How does it stop, and what
//! > happens when its mailbox is full?
//!
//! One task owns the balance: nobody else can reach it, so nobody needs a
//! lock. The rest of the program holds a handle, the sending half of the
//! task's mailbox (a bounded `mpsc` channel), and asks by message; each
//! request carries a `oneshot` sender for its answer. The actor takes one
//! message at a time, so a read-modify-write that awaits in the middle
//! cannot interleave with another: kata 10's lock, without the lock.

use tokio::sync::{mpsc, oneshot};
use world::SlowCounter;

/// Why a request got no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorError {
    /// The actor has stopped (or is stopping): its mailbox is closed.
    Stopped,
    /// The mailbox is full; only `try_deposit` says so: it sheds the load
    /// rather than wait.
    Full,
}

/// What the handle asks of the actor. Every request that wants an answer
/// carries the sender of its own `oneshot`. (`pub(crate)`, like `Actor`,
/// only so that an answer in `right/` or `wrong/` can put its own over it.)
pub(crate) enum Msg {
    Deposit {
        amount: u64,
        reply: Option<oneshot::Sender<u64>>,
    },
    Withdraw {
        amount: u64,
        reply: oneshot::Sender<u64>,
    },
    Balance {
        reply: oneshot::Sender<u64>,
    },
    Shutdown {
        reply: oneshot::Sender<u64>,
    },
}

/// Step 1: a handle on the account actor. Cloning it gives another handle
/// on the same actor; the actor stops when the last one is dropped.
#[derive(Clone)]
pub struct Account {
    mailbox: mpsc::Sender<Msg>,
}

/// Step 1: starts the actor, which owns `store` (the balance, whose read
/// and write each take 50 ms), with a mailbox of `mailbox` messages, and
/// returns the first handle on it.
pub fn spawn_account(store: SlowCounter, mailbox: usize) -> Account {
    let (tx, rx) = mpsc::channel(mailbox);
    // The task gets the receiver and the store, and no sender: if it kept
    // one, `recv()` could never answer `None` and it would never stop.
    tokio::spawn(Actor { store, rx }.run());
    Account { mailbox: tx }
}

/// The actor's side: the only code that ever touches the store.
pub(crate) struct Actor {
    store: SlowCounter,
    rx: mpsc::Receiver<Msg>,
}

impl Actor {
    async fn run(mut self) {
        // `None` once every handle is dropped (and the mailbox is empty):
        // the task ends, nothing leaks.
        while let Some(msg) = self.rx.recv().await {
            if let Msg::Shutdown { reply } = msg {
                // Step 5: take no more, but answer what is already queued.
                self.rx.close();
                while let Some(queued) = self.rx.recv().await {
                    self.handle(queued).await;
                }
                let _ = reply.send(self.store.read().await);
                return;
            }
            self.handle(msg).await;
        }
    }

    /// One message, to the end, before the next: this is what serialises
    /// the read-modify-writes (the `.await`s inside cannot interleave).
    async fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Deposit { amount, reply } => {
                let balance = self.store.read().await + amount;
                self.store.write(balance).await;
                if let Some(reply) = reply {
                    // The caller may have given up (dropped its receiver):
                    // that is no reason for the actor to fail.
                    let _ = reply.send(balance);
                }
            }
            Msg::Withdraw { amount, reply } => {
                let balance = self.store.read().await - amount;
                self.store.write(balance).await;
                let _ = reply.send(balance);
            }
            Msg::Balance { reply } => {
                let _ = reply.send(self.store.read().await);
            }
            Msg::Shutdown { reply } => {
                // Only `run` sees a shutdown; answer one anyway.
                let _ = reply.send(self.store.read().await);
            }
        }
    }
}

impl Account {
    /// Sends `msg` and awaits the answer on `rx`. A closed mailbox (send
    /// fails) and a dropped reply sender (the actor stopped before it
    /// answered) are both `Stopped`: an error, never a panic or a hang.
    async fn ask(&self, msg: Msg, rx: oneshot::Receiver<u64>) -> Result<u64, ActorError> {
        self.mailbox
            .send(msg)
            .await
            .map_err(|_| ActorError::Stopped)?;
        rx.await.map_err(|_| ActorError::Stopped)
    }

    /// Step 1: adds `amount`; answers the new balance.
    pub async fn deposit(&self, amount: u64) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        let reply = Some(reply);
        self.ask(Msg::Deposit { amount, reply }, rx).await
    }

    /// Step 1: takes `amount` away; answers the new balance.
    pub async fn withdraw(&self, amount: u64) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        self.ask(Msg::Withdraw { amount, reply }, rx).await
    }

    /// Step 1: the balance, read by the actor.
    pub async fn balance(&self) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        self.ask(Msg::Balance { reply }, rx).await
    }

    /// Step 2: stops the actor; step 5: after it has handled every request
    /// already in its mailbox. Answers the final balance.
    pub async fn shutdown(&self) -> Result<u64, ActorError> {
        let (reply, rx) = oneshot::channel();
        self.ask(Msg::Shutdown { reply }, rx).await
    }

    /// Step 3: queues a deposit without waiting for it to be done: returns
    /// once the mailbox has taken it, which, when the mailbox is full, is
    /// when the actor has made room (backpressure).
    pub async fn send_deposit(&self, amount: u64) -> Result<(), ActorError> {
        let msg = Msg::Deposit {
            amount,
            reply: None,
        };
        self.mailbox
            .send(msg)
            .await
            .map_err(|_| ActorError::Stopped)
    }

    /// Step 3: queues a deposit if the mailbox has room, and refuses it at
    /// once with `Full` if not: load shed, nobody waits.
    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        let msg = Msg::Deposit {
            amount,
            reply: None,
        };
        self.mailbox.try_send(msg).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => ActorError::Full,
            mpsc::error::TrySendError::Closed(_) => ActorError::Stopped,
        })
    }

    /// Step 4: moves `amount` from this account to `to`. No actor awaits
    /// another inside its handler: the caller asks each actor in turn, so
    /// two transfers in opposite directions cannot wait on each other.
    pub async fn transfer(&self, to: &Account, amount: u64) -> Result<(), ActorError> {
        self.withdraw(amount).await?;
        to.deposit(amount).await?;
        Ok(())
    }
}
