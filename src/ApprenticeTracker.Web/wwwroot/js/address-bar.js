// Writes a live view's filters into the address without loading the page, so that it can be shared and bookmarked;
// the page's own history state (which enhanced navigation keeps there) stays as it was.
export function replace(address) {
    history.replaceState(history.state, "", address);
}
