//! `#[world::step]`: the one entry point of every kata step test.
//!
//! A step test calls the learner's code, and the learner's code may hang in
//! ways a virtual-time deadline cannot catch (a loop that never yields, a
//! `Handle::block_on` that nothing drives). The real-time watchdog catches
//! those, but only around code it watches. `#[tokio::test]` and `#[test]`
//! watch nothing, so a test that forgot `within` (or called synchronous kata
//! code outside it) could hang `cargo test` for ever. This attribute puts
//! the watchdog around the *whole* test body, by construction, and
//! `cargo kata verify` fails on a `fn stepN_...` that does not use it.
//!
//! - On an `async fn`: the test runs on a current_thread tokio runtime with
//!   the clock paused (what `#[tokio::test(flavor = "current_thread",
//!   start_paused = true)]` built), under the watchdog.
//! - On a plain `fn` (a test that builds its own runtime, or drives the
//!   learner's executor): a `#[test]` under the watchdog.
//!
//! The work is done by `world::harness::run_async_step` and
//! `run_sync_step`; this crate only rewrites the function into a call to
//! them. It is a proc macro because only an attribute can wrap a function
//! without re-indenting its body, and because the entry point must be
//! visible on the line above each `fn`, where verify looks for it.

use proc_macro::TokenStream;
use quote::quote;
use syn::{ItemFn, ReturnType, parse_macro_input};

/// Runs the test function under the world's real-time watchdog: an
/// `async fn` on a current_thread runtime with a paused clock, a plain `fn`
/// as it is. See the crate's documentation.
#[proc_macro_attribute]
pub fn step(args: TokenStream, item: TokenStream) -> TokenStream {
    let args = proc_macro2::TokenStream::from(args);
    let function = parse_macro_input!(item as ItemFn);
    if !args.is_empty() {
        return syn::Error::new_spanned(args, "#[world::step] takes no arguments")
            .to_compile_error()
            .into();
    }
    let sig = &function.sig;
    if !sig.inputs.is_empty() || !matches!(sig.output, ReturnType::Default) {
        return syn::Error::new_spanned(
            sig,
            "a step test takes no arguments and returns nothing: it fails by panicking",
        )
        .to_compile_error()
        .into();
    }
    let attrs = &function.attrs;
    let vis = &function.vis;
    let name = &sig.ident;
    let body = &function.block;
    let run = if sig.asyncness.is_some() {
        quote! { ::world::harness::run_async_step(async #body) }
    } else {
        quote! { ::world::harness::run_sync_step(|| #body) }
    };
    quote! {
        #[::core::prelude::v1::test]
        #(#attrs)*
        #vis fn #name() {
            #run
        }
    }
    .into()
}
