//! Right: Blind examination: no Semaphore: the pool is a bounded tokio mpsc
//! channel of slots (Some(conn) idle, None = a slot whose connection was
//! closed), the receiver behind a tokio Mutex (fair, FIFO) held only while
//! waiting for a slot; a None slot is filled with db.connect(). Drop sends the
//! clean connection back, or None for a half-used one.

#[derive(Debug, PartialEq, Eq)]
pub enum PoolError {
    Timeout,
}

#[derive(Debug, PartialEq, Eq)]
pub enum HandlerError {
    NoConnection,
    Query(DbError),
    Deadline,
}

pub struct Pool {
    db: Db,
    back: tokio::sync::mpsc::Sender<Option<Conn>>,
    slots: tokio::sync::Mutex<tokio::sync::mpsc::Receiver<Option<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    back: tokio::sync::mpsc::Sender<Option<Conn>>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let (back, slots) = tokio::sync::mpsc::channel(size.max(1));
        for _ in 0..size {
            back.try_send(Some(db.open()))
                .expect("room for every connection");
        }
        Pool {
            db,
            back,
            slots: tokio::sync::Mutex::new(slots),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let slot = tokio::time::timeout(wait, async {
            let mut slots = self.slots.lock().await;
            slots.recv().await.expect("the pool holds a sender")
        })
        .await
        .map_err(|_| PoolError::Timeout)?;
        // From here on the slot is ours: a guard owning it gives it back even
        // if connect is cancelled.
        let mut guard = PooledConn {
            conn: slot,
            back: self.back.clone(),
        };
        if guard.conn.is_none() {
            guard.conn = Some(self.db.connect().await);
        }
        Ok(guard)
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("connected")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("connected")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        let slot = match self.conn.take() {
            Some(conn) if conn.is_clean() => {
                conn.checked_in();
                Some(conn)
            }
            Some(half_used) => {
                drop(half_used); // closes it
                None
            }
            None => None,
        };
        let _ = self.back.try_send(slot);
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    match tokio::time::timeout(REQUEST_DEADLINE, async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|_| HandlerError::NoConnection)?;
        let rows = conn.query(&query).await;
        rows.map_err(HandlerError::Query)
    })
    .await
    {
        Ok(result) => result,
        Err(_elapsed) => Err(HandlerError::Deadline),
    }
}
