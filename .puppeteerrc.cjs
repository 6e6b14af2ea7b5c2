// briefing uses the system's Chrome/Chromium (see README); Puppeteer's own download is skipped
// so that `npm install` works offline. `npx puppeteer browsers install chrome` still fetches one.
module.exports = { skipDownload: true };
