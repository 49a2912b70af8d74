"""Weights of the linker's scorer, learned from synthetic reports and the hand-written
tuning sets (dev, dev10, dev11, dev12, dev13, dev14, dev15, dev16, dev17, dev18, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9) by
``benchmarks/train_link_model.py --reports 10000 --seed 7 --handwritten-weight 100``.
Regenerate them after changing a comparison's levels or the normaliser."""

DEFAULT_WEIGHTS = {'coef': [9.4402, 6.3906, 0.0, 8.3229, 6.9152, 6.9152, 6.7968, 5.5968, -1.6923,
          4.4743, 2.9526, 1.136, 2.9526, -1.5824, 3.2779, 3.2779, 2.391, 0.0,
          0.9506, 1.6959, 0.2777, -0.817, 0.6735, 0.2075, -2.3278, 3.9778,
          3.9778, -0.9166, 6.7989, 5.7167, 0.0, 1.7797, 0.4925, -0.4724,
          -1.9214, 1.465, 0.9023, 0.0663, -0.0504, 0.4513, 0.4513, 0.4422,
          -0.9944, -2.6371, -0.0059, -0.4078],
 'intercept': -4.7027,
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
