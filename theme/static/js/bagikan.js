// Share button of an article page: the Web Share API where the browser has one (phones),
// otherwise the address copied to the clipboard. No third-party script; without JavaScript
// the button stays hidden (it could do nothing).
const button = document.querySelector(".share-button");
if (button && (navigator.share || navigator.clipboard)) {
  const status = button.parentElement.querySelector(".share-status");
  // The page's own address, without a search highlight or other query.
  const url = document.querySelector('link[rel="canonical"]')?.href ?? location.origin + location.pathname;
  if (navigator.share) button.textContent = button.dataset.labelShare;
  button.parentElement.hidden = false;
  button.addEventListener("click", async () => {
    status.textContent = "";
    if (navigator.share) {
      try {
        await navigator.share({ title: button.dataset.title, text: button.dataset.text, url });
        return;
      } catch (error) {
        if (error.name === "AbortError") return; // the reader closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = button.dataset.copied;
    } catch {
      status.textContent = button.dataset.failed;
    }
  });
}
