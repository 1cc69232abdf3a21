// Opens and closes the reconnection dialog as blazor.web.js reports the circuit's state; its buttons retry or resume.
const dialog = document.getElementById("components-reconnect-modal");
dialog.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

// "Reload the page" buttons (here and in the error bar): a page load shows the latest and starts a new circuit.
document.addEventListener("click", event => {
    if (event.target instanceof Element && event.target.closest("[data-reload]")) {
        location.reload();
    }
});

function onStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "paused") {
        if (!dialog.open) {
            dialog.showModal();
        }
    } else if (state === "hide") {
        dialog.close();
    } else if (state === "failed") {
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (state === "rejected") {
        // The server no longer knows this circuit: the page, loaded afresh, starts a new one.
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        if (!await Blazor.reconnect()) {
            location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
