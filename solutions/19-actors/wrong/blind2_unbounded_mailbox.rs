//! Wrong: the mailbox is an unbounded channel and `spawn_account` ignores
//! its size: `send_deposit` never waits and `try_deposit` never answers
//! Full; in step 4 a withdrawal gets in behind C's shutdown, and the drain
//! makes it.
//! expect: is not bounded at the size spawn_account was given

#[derive(Clone)]
pub struct Account {
    mailbox: mpsc::UnboundedSender<Msg>,
}

pub fn spawn_account(store: SlowCounter, mailbox: usize) -> Account {
    // "A bound only makes callers wait; memory is cheap."
    let _ = mailbox;
    let (tx, rx) = mpsc::unbounded_channel();
    // The task gets the receiver and the store, and no sender: if it kept
    // one, `recv()` could never answer `None` and it would never stop.
    tokio::spawn(Actor { store, rx }.run());
    Account { mailbox: tx }
}

pub(crate) struct Actor {
    store: SlowCounter,
    rx: mpsc::UnboundedReceiver<Msg>,
}

impl Account {
    /// Sends `msg` and awaits the answer on `rx`. A closed mailbox (send
    /// fails) and a dropped reply sender (the actor stopped before it
    /// answered) are both `Stopped`: an error, never a panic or a hang.
    async fn ask(&self, msg: Msg, rx: oneshot::Receiver<u64>) -> Result<u64, ActorError> {
        self.mailbox.send(msg).map_err(|_| ActorError::Stopped)?;
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
        self.mailbox.send(msg).map_err(|_| ActorError::Stopped)
    }

    /// Step 3: queues a deposit if the mailbox has room, and refuses it at
    /// once with `Full` if not: load shed, nobody waits.
    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        let msg = Msg::Deposit {
            amount,
            reply: None,
        };
        self.mailbox.send(msg).map_err(|_| ActorError::Stopped)
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
