//! Wrong: `transfer` withdraws, then spawns the deposit in a detached task
//! and answers Ok at once: the caller hears "done" before the money is in
//! `to`, and never hears if the deposit fails.
//! expect: a transfer answered before its money had reached the other account

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
        // "B's actor makes it anyway; why wait?"
        let to = to.clone();
        tokio::spawn(async move {
            let _ = to.deposit(amount).await;
        });
        Ok(())
    }
}
