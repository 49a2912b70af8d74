"""Weights of the linker's scorer, learned from synthetic reports and the hand-written
tuning sets (dev, dev10, dev11, dev12, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9) by
``benchmarks/train_link_model.py --reports 10000 --seed 7 --handwritten-weight 100``.
Regenerate them after changing a comparison's levels or the normaliser."""

DEFAULT_WEIGHTS = {'coef': [9.1469, 4.9584, -0.0218, 8.3963, 5.9547, 5.9547, 5.9547, 5.6872,
          -2.3166, 3.9627, 2.6487, 1.0882, 2.6487, -1.8293, 2.8985, 2.6049,
          1.3723, 0.0, 0.6792, 1.6718, 0.1735, -0.6654, 0.9055, 0.3289, -2.3363,
          2.8194, 2.8194, -0.7458, 6.3968, 5.6826, 0.0, 1.7757, 0.6187, -0.3053,
          -2.3281, 1.2007, 0.9565, 0.0338, -0.3981, 0.4436, 0.4436, 0.1527,
          -1.0022, -0.491, 0.4529, 1.3276],
 'intercept': -4.4202,
 'layout': [['SamePhone', ['null', 'same', 'fragment', 'different']],
            ['PlateFits',
             ['null', 'same', 'fits', 'misread', 'one_off', 'partial',
              'different']],
            ['SimilarVehicle',
             ['null', 'same', 'near', 'model_colour_differs', 'similar',
              'different']],
            ['SharedMarks', ['null', 'same', 'similar', 'some', 'different']],
            ['SimilarDescription',
             ['null', 'same', 'similar', 'some', 'different']],
            ['AgeAndHeightFit', ['null', 'both_fit', 'one_fits', 'clash']],
            ['SameName', ['null', 'same', 'similar', 'different']],
            ['SameHandle', ['null', 'same', 'similar', 'different']],
            ['SameHarmPattern',
             ['null', 'same', 'rare_shared', 'common_shared', 'none_shared']],
            ['NearInSpaceAndTime',
             ['null', 'near_soon', 'near', 'nearby', 'far']],
            ['CloseInTime',
             ['null', 'within_month', 'within_season', 'within_year',
              'years_apart']]]}
