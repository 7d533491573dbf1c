/**
 * Words that say nothing about competence: function words, and the boilerplate every need and profile repeats
 * (我们, 需要, 相关, 提供). BM25's idf would shrink them anyway; dropping them keeps pseudo-relevance feedback and the
 * matched-terms explanation clean.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    '的 了 和 与 及 或 等 在 是 为 对 把 被 从 向 以 于 由 将 就 都 也 还 又 很 太 再 才 只 而 并 且 但 如 若 则 之 其 此 该 各 每 ' +
    '这 那 这个 那个 这些 那些 一个 一些 一种 一直 一下 一般 有 有的 没有 没 不 不是 不能 不会 能 会 要 想 让 使 给 用 到 去 来 上 下 ' +
    '里 中 内 外 后 前 时 时候 之后 之前 以及 以上 以下 其中 其他 其它 通过 进行 开展 实现 提供 相关 方面 问题 情况 需要 需求 希望 ' +
    '我们 我 你 他 她 它 他们 我司 公司 企业 单位 本 贵 咱们 大家 现在 目前 已经 可以 可能 能够 如何 怎么 怎样 什么 为什么 哪些 ' +
    '比较 非常 特别 总是 经常 老是 常常 还是 就是 但是 因为 所以 如果 虽然 然后 而且 或者 以便 以免 主要 包括 具有 具备 等等 ' +
    '啊 吧 呢 吗 嘛 哦 呀 啦 个 件 次 些 点 儿 着 过 得 地 所 便 即 已 被 跟 同 比 按 请 帮 帮忙 帮助 解决 一起 左右 多少 多 少'
  ).split(/\s+/),
);
