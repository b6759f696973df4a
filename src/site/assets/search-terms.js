// How search text becomes terms, shared by the index build (src/site/search.ts runs this very file) and the
// search page (loaded before search.js): the same code on both sides, so a query meets the terms it was indexed by.
// Identifiers split into their words (space_invite_user → space, invite, user; createUserGroupInviteToken →
// create, user, group, invite, token; X-Auth-Token → x, auth, token: an all-words search finds them); words lose
// common English endings
// (invitation, invites, inviting → invit; tokens → token; spaces → spac).
((root) => {
  var STOP = {
    a: 1,
    an: 1,
    and: 1,
    are: 1,
    as: 1,
    at: 1,
    be: 1,
    by: 1,
    for: 1,
    from: 1,
    in: 1,
    is: 1,
    it: 1,
    of: 1,
    on: 1,
    or: 1,
    that: 1,
    the: 1,
    this: 1,
    to: 1,
    with: 1,
  };
  var ENDINGS = ['ations', 'ation', 'itions', 'ition', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 's', 'e'];

  function stem(word) {
    if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
    for (let i = 0; i < ENDINGS.length; i++) {
      const end = ENDINGS[i];
      if (word.length - end.length >= 3 && word.slice(-end.length) === end) {
        let base = word.slice(0, -end.length);
        if (end === 'ies' || end === 'ied') base += 'y';
        // invites → invite → invit, spaces → space → spac: strip a final e left behind too.
        if (base.length > 3 && base.slice(-1) === 'e') base = base.slice(0, -1);
        return base;
      }
    }
    return word;
  }

  /** The words of a text, identifiers split into theirs. */
  function tokenize(text) {
    const out = [];
    const chunks = String(text).split(/[\s,;:()[\]<>"'`=!?*|\\]+/);
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i].replace(/^[.{}/#$&+-]+|[.{}/#$&+-]+$/g, '');
      if (!chunk) continue;
      const parts = chunk
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean);
      for (let j = 0; j < parts.length; j++) out.push(parts[j]);
    }
    return out;
  }

  function processTerm(term) {
    var t = term.toLowerCase();
    if (STOP[t] === 1) return null;
    return stem(t);
  }

  /**
   * Ranking by the resource a path names: an operation whose path has the searched word among its fixed segments
   * weighs more, and more the shorter its path (POST /spaces before POST /spaces/{id}/users/token for "space").
   * Deprecated operations and schemas weigh a little less.
   */
  function boostDocument(_id, term, doc) {
    if (doc?.kind !== 'operation') return 0.8;
    var segments = String(doc.path).split('/').filter(Boolean);
    var names = [];
    segments.forEach((s) => {
      if (s.charAt(0) !== '{')
        tokenize(s).forEach((t) => {
          names.push(processTerm(t));
        });
    });
    return (doc.deprecated ? 0.8 : 1) * (names.indexOf(term) !== -1 ? 1 + 1 / segments.length : 1);
  }

  root.onedataSearchTerms = { tokenize: tokenize, processTerm: processTerm, stem: stem, boostDocument: boostDocument };
})(typeof self !== 'undefined' ? self : globalThis);
