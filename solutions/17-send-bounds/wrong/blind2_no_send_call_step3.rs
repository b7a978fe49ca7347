//! Wrong: step 3 leaves `+ Send` out of Call: the list type-checks, but a boxed `dyn Future` without it is not Send, so spawning a call does not compile.
//! expect: `dyn futures::Future<Output = std::string::String>` cannot be sent between threads safely

pub type Call = Pin<Box<dyn Future<Output = String> + 'static>>;
